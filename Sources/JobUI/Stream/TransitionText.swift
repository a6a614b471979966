import Foundation
import JobModel

/// The lines of `wait` and the non-TTY stream, with full job and sub-job IDs (scripts, `grep`
/// and `jobwatch get` need them whole):
/// `2026-05-01T08:09:10Z  baremetalBatchCreate 2c9eb2c5544cbf6101544f0602af2b4f  RUNNING → FAIL  3/24 sub-jobs failed: …`
/// Text from the server or a jobs file may carry control characters: `StreamPrinter` escapes them.
public enum TransitionText {
    public static func line(_ t: Transition, unicode: Bool) -> String {
        let arrow = unicode ? "→" : "->"
        let from = t.from?.description ?? "seen"
        var line = "\(stamp(t.at))  \(what(type: t.jobType, id: t.subJobID ?? t.key.jobID, subJobOf: t.subJobID == nil ? nil : t.key.jobID, label: t.label, service: t.key.service))"
        // Inside the subject field (single spaces): scripts split the line on double spaces.
        if let name = t.resourceName { line += " [\(name)]" }
        line += "  \(from) \(arrow) \(t.to)"
        if let reason = t.reason { line += "  \(reason)" }
        return line
    }

    /// The state a job is known in when the stream starts: `… RUNNING (read 3m ago, from the state file)`.
    public static func known(_ state: JobState, now: Date, fromStateFile: Bool) -> String {
        var line = "\(stamp(now))  \(what(type: state.job?.type, id: state.key.jobID, subJobOf: nil, label: state.entry.label, service: state.key.service))  "
        line += state.job.map { $0.status.description } ?? "not read yet"
        var notes: [String] = []
        if let readAt = state.readAt { notes.append("read \(ElapsedText.format(now.timeIntervalSince(readAt))) ago") }
        if fromStateFile { notes.append("from the state file") }
        if let reason = state.detachedReason { notes.append("not polled: \(reason)") }
        if !notes.isEmpty { line += " (\(notes.joined(separator: ", ")))" }
        if let job = state.job, job.status == .fail, let reason = job.failureSummary { line += "  \(reason)" }
        return line
    }

    /// A job's read failing or not found, once per job and kind of problem.
    public static func problem(_ state: JobState, error: APIError?, now: Date) -> String {
        let head = "\(stamp(now))  \(what(type: state.job?.type, id: state.key.jobID, subJobOf: nil, label: state.entry.label, service: state.key.service))  "
        switch state.health {
        case .notFound: return head + "NOT FOUND  \(error.map { "\($0)" } ?? "the API has no such job")"
        case .authStopped: return head + "CREDENTIAL REFUSED  \(error.map { "\($0)" } ?? "polling with this credential stopped")"
        case .routeStopped: return head + "CANNOT CONNECT  \(error.map { "\($0)" } ?? "polling there stopped until the configuration changes")"
        default: return head + "ERROR  \(error.map { "\($0)" } ?? "the last request failed")"
        }
    }

    /// `… 12 running, 3 init, 21/24 sub-jobs done, 14m elapsed, last poll 4s ago`
    public static func progress(_ s: Snapshot, elapsed: TimeInterval, now: Date, unicode: Bool) -> String {
        var parts: [String] = []
        let c = s.jobCounts
        if c.running > 0 { parts.append("\(c.running) running") }
        if c.initial > 0 { parts.append("\(c.initial) init") }
        if c.other > 0 { parts.append("\(c.other) not read or unknown") }
        if c.fail > 0 { parts.append("\(c.fail) failed") }
        parts.append("\(c.finished)/\(c.total) job\(c.total == 1 ? "" : "s") finished")
        // Only batches have sub-jobs: a single job is not "0/1 sub-jobs".
        let batches = s.jobs.compactMap(\.job).filter { !$0.subJobs.isEmpty }
        if !batches.isEmpty {
            let subJobs = batches.flatMap(\.subJobs)
            parts.append("\(subJobs.count { $0.status.isTerminal })/\(subJobs.count) sub-jobs done")
        }
        parts.append("\(ElapsedText.format(elapsed)) elapsed")
        if let last = s.lastPollAt { parts.append("last poll \(ElapsedText.format(now.timeIntervalSince(last))) ago") }
        return (unicode ? "… " : "... ") + parts.joined(separator: ", ")
    }

    /// `throttled until 21:04:10 (the server asked for 27777h46m)`.
    public static func throttled(until: Date, askedFor: TimeInterval?, now: Date) -> String {
        var line = "\(stamp(now))  throttled (HTTP 429) until \(TimeText.format(until, timeZone: .current, now: now))"
        if let askedFor {
            line += " (the server asked for \(ElapsedText.format(askedFor))\(askedFor > until.timeIntervalSince(now) + 1 ? "; jobwatch waits at most 5m" : ""))"
        }
        return line
    }

    /// Jobs of other services than BMS are written `ecs/ID`, as they are given on input.
    private static func what(type: String?, id: String, subJobOf parent: String?, label: String?, service: Service) -> String {
        let place = service == .bms ? "" : "\(service.name)/"
        var what = parent == nil ? "\(type ?? "job") \(place)\(id)" : "\(type ?? "job") \(id)"
        if let parent { what += " (in \(place)\(parent))" }
        if let label { what += " \u{201C}\(label)\u{201D}" }
        return what
    }

    public static func stamp(_ date: Date) -> String { date.formatted(.iso8601) }
}
