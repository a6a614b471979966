import Foundation
import FuzzDriver
import JobModel
import JobAPI

/// A 200 body as the server sends it: decoding must never crash, and whatever it accepts must
/// survive what jobwatch does next with a job — its labels and reasons, and the state file's
/// time format (a time that cannot be written back would make the saved file unreadable).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJobDecode(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let body = Data(bytes: bytes, count: count)
    guard let job = try? Job.decode(body) else { return 0 }
    check(job, now: Date(timeIntervalSince1970: 1_777_000_000), depth: 0)
    return 0
}

private func check(_ job: Job, now: Date, depth: Int) {
    _ = job.label
    _ = job.failureSummary
    _ = job.failureCode
    _ = job.status.isTerminal
    if let elapsed = job.elapsed(now: now) {
        precondition(elapsed >= 0 && elapsed.isFinite, "elapsed time \(elapsed) of a decoded job")
    }
    for date in [job.beginTime, job.endTime].compactMap({ $0 }) {
        let written = JobTimestamp.format(date)
        precondition(JobTimestamp.parse(written) != nil, "time \(date.timeIntervalSince1970) is written as \(written.debugDescription), which does not read back")
    }
    for attribute in job.entities.attributes {
        precondition(!attribute.value.isEmpty, "empty entity \(attribute.key) kept")
        _ = job.entities[attribute.key]
    }
    for sub in job.subJobs { check(sub, now: now, depth: depth + 1) }
}

/// SwiftPM links an executable's entry point as `FuzzJobDecode_main`; hand it to libFuzzer's driver.
@_cdecl("FuzzJobDecode_main")
public func fuzzJobDecodeMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzJobDecode)
}
