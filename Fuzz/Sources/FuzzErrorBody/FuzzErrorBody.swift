import Foundation
import FuzzDriver
import JobModel
import JobAPI
import JobEngine

/// An error answer: the first line is the `Retry-After` header, the rest the body. Mirrors what
/// `JobClient.httpError` and the engine do with them: the error fields, the quota a 429 states,
/// and the wait, which the engine turns into a `Duration` (a value too large for it must never
/// get that far).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzErrorBody(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = Data(bytes: bytes, count: count)
    let newline = input.firstIndex(of: UInt8(ascii: "\n")) ?? input.endIndex
    let header = String(decoding: input[input.startIndex..<newline], as: UTF8.self)
    let body = newline < input.endIndex ? input[input.index(after: newline)...] : Data()
    let now = Date(timeIntervalSince1970: 1_777_000_000)

    if let seconds = HTTPDate.retryAfterSeconds(header, now: now) {
        precondition(seconds.isFinite && seconds >= 0, "Retry-After \(header.debugDescription) gave \(seconds) s")
        // What Engine+Results does with it.
        _ = Duration.seconds(seconds)
    }
    _ = HTTPDate.parse(header)

    if let json = try? JSONValue.parse(Data(body)), let found = ErrorFields.find(in: json) {
        for text in [found.code, found.message].compactMap({ $0 }) {
            if let perMinute = RateLimitMessage.requestsPerMinute(in: text) {
                precondition(perMinute.isFinite && perMinute > 0, "quota \(perMinute) read from \(text.debugDescription)")
            }
        }
        _ = json.compactText
    }
    return 0
}

/// SwiftPM links an executable's entry point as `FuzzErrorBody_main`; hand it to libFuzzer's driver.
@_cdecl("FuzzErrorBody_main")
public func fuzzErrorBodyMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzErrorBody)
}
