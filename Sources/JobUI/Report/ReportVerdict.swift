import Foundation
import JobModel

/// The rollout in one line, from the jobs' outcomes: what a ticket's reader wants first.
/// Computed once in `RolloutReport`, so the Markdown and the HTML cannot disagree.
public struct ReportVerdict: Sendable, Hashable {
    public var jobs: Int
    public var succeeded: Int
    public var failed: Int
    /// Running, waiting, unread or in a state no service documents.
    public var notFinished: Int
    /// Summed over the batches; `nil` when no job has sub-jobs.
    public var subJobs: RolloutReport.SubJobCounts?
    /// The earliest begin, and the latest end once every job has finished.
    public var begin: Date?
    public var end: Date?

    init(_ jobs: [RolloutReport.JobSummary], begin: Date?, end: Date?) {
        self.jobs = jobs.count
        succeeded = jobs.count { $0.outcome == "succeeded" }
        failed = jobs.count { $0.outcome == "failed" }
        notFinished = jobs.count - succeeded - failed
        let batches = jobs.compactMap(\.subJobs)
        subJobs = batches.isEmpty ? nil : batches.reduce(into: RolloutReport.SubJobCounts(total: 0, done: 0, failed: 0, running: 0, waiting: 0)) { sum, batch in
            sum.total += batch.total
            sum.done += batch.done
            sum.failed += batch.failed
            sum.running += batch.running
            sum.waiting += batch.waiting
        }
        self.begin = begin
        self.end = end
    }

    /// `failed` when any job failed, else `running` while any is not finished, else `succeeded`.
    public var outcome: String {
        failed > 0 ? "failed" : notFinished > 0 ? "running" : "succeeded"
    }

    /// `1 of 3 jobs failed, 2 not finished`, `all 3 jobs succeeded`.
    public var headline: String {
        let noun = jobs == 1 ? "job" : "jobs"
        if failed > 0 {
            return "\(failed) of \(jobs) \(noun) failed" + (notFinished > 0 ? ", \(notFinished) not finished" : "")
        }
        // A batch still running may already have lost servers: say so up front.
        let lost = (subJobs?.failed ?? 0) > 0 ? " — \(subJobs!.failed) sub-job\(subJobs!.failed == 1 ? "" : "s") failed" : ""
        if notFinished > 0 { return "\(notFinished) of \(jobs) \(noun) not finished\(lost)" }
        return (jobs == 1 ? "the job succeeded" : "all \(jobs) jobs succeeded") + lost
    }

    /// `3 jobs: 0 succeeded, 1 failed, 2 not finished`.
    public var counts: String {
        "\(jobs) job\(jobs == 1 ? "" : "s"): \(succeeded) succeeded, \(failed) failed, \(notFinished) not finished"
    }

    /// `5 sub-jobs: 3 done, 1 failed, 1 running, 1 waiting`, or `nil` without batches.
    public var subJobText: String? {
        guard let s = subJobs else { return nil }
        var parts = ["\(s.done) done"]
        if s.failed > 0 { parts.append("\(s.failed) failed") }
        if s.running > 0 { parts.append("\(s.running) running") }
        if s.waiting > 0 { parts.append("\(s.waiting) waiting") }
        return "\(s.total) sub-job\(s.total == 1 ? "" : "s"): " + parts.joined(separator: ", ")
    }

    /// `2019-04-25 20:04:34 +00:00 → 20:08:41 (4m07s)`, or `… → not finished`.
    public func spanText(_ zone: TimeZone, now: Date) -> String? {
        guard let begin else { return nil }
        let from = ClockText.dateTime(begin, zone)
        guard let end else { return "\(from) → not finished (\(ClockText.duration(now.timeIntervalSince(begin))) so far)" }
        let sameDay = ClockText.day(begin, zone) == ClockText.day(end, zone)
        return "\(from) → \(sameDay ? ClockText.clock(end, zone) : ClockText.dateTime(end, zone)) (\(ClockText.duration(end.timeIntervalSince(begin))))"
    }
}
