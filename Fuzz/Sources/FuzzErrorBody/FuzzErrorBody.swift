import Foundation
import FuzzDriver
import JobModel
import JobAPI
import JobEngine

/// An error answer: the first line is the `Retry-After` header, the rest the body, read as the
/// client reads it (`JobClient.error`): the error fields, the quota a 429 states, and the wait,
/// which the engine turns into a `Duration` (a value too large for it must never get that far).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzErrorBody(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = Data(bytes: bytes, count: count)
    let newline = input.firstIndex(of: UInt8(ascii: "\n")) ?? input.endIndex
    let header = String(decoding: input[input.startIndex..<newline], as: UTF8.self)
    let body = newline < input.endIndex ? input[input.index(after: newline)...] : Data()
    let now = Date(timeIntervalSince1970: 1_777_000_000)

    for status in [429, 404, 500] {
        let error = JobClient.error(status: status, body: Data(body), retryAfter: header, now: now)
        if let seconds = error.retryAfter {
            precondition(seconds.isFinite && seconds >= 0, "Retry-After \(header.debugDescription) gave \(seconds) s")
            // What Engine+Results does with it.
            _ = Duration.seconds(seconds)
        }
        if let perMinute = error.statedRateLimitPerMinute {
            precondition(perMinute.isFinite && perMinute > 0, "quota \(perMinute) read from \(error.message.debugDescription)")
        }
    }
    return 0
}

/// SwiftPM links an executable's entry point as `FuzzErrorBody_main`; hand it to libFuzzer's driver.
@_cdecl("FuzzErrorBody_main")
public func fuzzErrorBodyMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzErrorBody)
}
