import Foundation
import FuzzDriver
import JobModel
import JobEngine

/// A config file: loading must never crash; a refusal is one line that names the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    do {
        let config = try JobwatchConfig.parse(data, fileName: "config.json")
        precondition(config.poll.interval > .zero, "a config with interval \(config.poll.interval) was accepted")
    } catch {
        let text = error.description
        precondition(text.hasPrefix("config.json"), "a config error that does not name the file: \(text.debugDescription)")
    }
    return 0
}

/// SwiftPM links an executable's entry point as `FuzzConfig_main`; hand it to libFuzzer's driver.
@_cdecl("FuzzConfig_main")
public func fuzzConfigMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzConfig)
}
