import Foundation
import JobModel

/// The stream's other JSON lines (schema 1): a job's known state at the start, a read problem,
/// a throttle, and the heartbeat's progress.
extension JSONReport {
    struct StateLine: Encodable {
        var schema = JSONReport.schema
        var event = "state"
        var at: String
        var from_state_file: Bool
        var job: JobEntry
    }

    struct ProblemLine: Encodable {
        var schema = JSONReport.schema
        var event = "problem"
        var at: String
        var job: JobEntry
    }

    struct ThrottleLine: Encodable {
        var schema = JSONReport.schema
        var event = "throttled"
        var at: String
        var until: String
        @Nullable var retry_after_seconds: Double?
    }

    struct ProgressLine: Encodable {
        var schema = JSONReport.schema
        var event = "progress"
        var running: Int
        var `init`: Int
        var jobs_finished: Int
        var jobs_total: Int
        var sub_jobs_done: Int
        var sub_jobs_total: Int
    }

    public static func stateLine(_ state: JobState, now: Date, fromStateFile: Bool) -> String {
        encode(StateLine(at: JobTimestamp.format(now), from_state_file: fromStateFile, job: entry(state, now: now)), pretty: false)
    }

    public static func problemLine(_ state: JobState, now: Date) -> String {
        encode(ProblemLine(at: JobTimestamp.format(now), job: entry(state, now: now)), pretty: false)
    }

    public static func throttleLine(until: Date, askedFor: TimeInterval?, now: Date) -> String {
        encode(ThrottleLine(at: JobTimestamp.format(now), until: JobTimestamp.format(until), retry_after_seconds: askedFor), pretty: false)
    }

    public static func progressLine(_ s: Snapshot) -> String {
        let subJobs = s.jobs.compactMap(\.job).flatMap(\.subJobs)
        return encode(ProgressLine(
            running: s.jobCounts.running, init: s.jobCounts.initial,
            jobs_finished: s.jobCounts.finished, jobs_total: s.jobCounts.total,
            sub_jobs_done: subJobs.count { $0.status.isTerminal }, sub_jobs_total: subJobs.count
        ), pretty: false)
    }
}
