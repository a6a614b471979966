import Foundation
import FuzzDriver
import JobModel
import JobAPI
import JobEngine

/// Job IDs from stdin or a jobs file (lines, or the cloud's JSON): never a crash, and every ID
/// handed on is one the client will send.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJobIDText(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    guard let items = try? JobIDText.parse(text, source: "stdin") else { return 0 }
    for item in items {
        precondition(JobID.problem(with: item.id) == nil, "ID \(item.id.debugDescription) passed on although it is invalid")
    }
    return 0
}

/// SwiftPM links an executable's entry point as `FuzzJobIDText_main`; hand it to libFuzzer's driver.
@_cdecl("FuzzJobIDText_main")
public func fuzzJobIDTextMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzJobIDText)
}
