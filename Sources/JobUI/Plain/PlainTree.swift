import Foundation
import JobModel

/// The job tree as plain text lines, for `jobwatch get` and logs: no colours, no cursor.
public enum PlainTree {
    public static func lines(for states: [JobState], now: Date, timeZone: TimeZone, unicode: Bool) -> [String] {
        var out: [String] = []
        let tagged = states.contains { $0.key.service != .bms }
        for state in states {
            out.append(contentsOf: lines(for: state, now: now, timeZone: timeZone, unicode: unicode, tagged: tagged))
        }
        return out
    }

    /// - Parameter tagged: lead with the service's tag (`ECS create servers`); by default
    ///   for any job but a BMS one, which reads as it always did.
    public static func lines(for state: JobState, now: Date, timeZone: TimeZone, unicode: Bool, tagged: Bool? = nil) -> [String] {
        let service = state.key.service
        let tag = (tagged ?? (service != .bms)) ? "\(service.tag) " : ""
        let symbols = StatusSymbols(unicode: unicode)
        guard let job = state.job else {
            // The full error goes to stderr; stdout keeps the tree short.
            let what = state.lastError.map { error in
                "UNREADABLE  " + ([error.httpStatus.map { "HTTP \($0)" }, error.code].compactMap { $0 }.joined(separator: " ")
                    .nonEmpty ?? error.message)
            } ?? "not read yet"
            return ["\(symbols.unknown) \(tag)\(state.entry.label ?? "job") \(state.key.jobID)  \(what)"]
        }
        var title = "\(symbols.symbol(for: job.status)) \(tag)\(JobTitle.describe(job, service: service, resources: state.resources))"
        if let label = state.entry.label { title += " \u{201C}\(label)\u{201D}" }
        title += "  \(state.key.jobID)  \(job.status)"
        title += "  " + timing(job, now: now, timeZone: timeZone, arrow: unicode ? "→" : "->")
        if state.isSlow { title += "  SLOW" }
        if let error = state.lastError { title += "  [stale: \(error.message)]" }
        var out = [title]
        if state.health == .purged { out.append("    (not found any more: probably purged after it finished; last known state shown)") }
        if job.status == .fail, let reason = job.failureSummary {
            out.append("    reason: \(reason)")
        }
        if !job.status.isTerminal, let progress = job.entities.progress {
            out.append("    progress: \(Int((progress * 100).rounded())) %")
        }
        let entityText = job.entities.attributes.map { "\($0.key)=\($0.value)" }.joined(separator: "  ")
        if !entityText.isEmpty { out.append("    \(entityText)") }
        let subJobs = job.subJobs
        // A CCE sub-job's own sub-jobs sit further in (`Job.nesting`): each level keeps its
        // `│` while a sibling of that level is still to come.
        let depths = subJobs.map { min(4, $0.nesting ?? 0) }
        let bar = unicode ? "│  " : "|  "
        var continuing: [Bool] = []
        for (index, sub) in subJobs.enumerated() {
            let depth = depths[index]
            let last = isLastSibling(at: index, depths: depths)
            let branch = unicode ? (last ? "└─" : "├─") : (last ? "`-" : "|-")
            continuing = Array(continuing.prefix(depth)) + Array(repeating: false, count: max(0, depth - continuing.count))
            let deeper = continuing.map { $0 ? bar : "   " }.joined()
            let indent = deeper + (last ? "   " : bar)
            continuing.append(!last)
            var line = "  \(deeper)\(branch) \(symbols.symbol(for: sub.status)) \(JobTitle.describe(sub, service: service, resources: state.resources))  \(sub.id ?? "-")  \(sub.status)"
            line += "  " + timing(sub, now: now, timeZone: timeZone, arrow: unicode ? "→" : "->")
            if let id = sub.id, state.slowSubJobIDs.contains(id) { line += "  SLOW" }
            out.append(line)
            let entities = sub.entities.attributes.map { "\($0.key)=\($0.value)" }.joined(separator: "  ")
            if !entities.isEmpty { out.append("  \(indent)   \(entities)") }
            if sub.status == .fail, let reason = sub.failureReason {
                out.append("  \(indent)   reason: \(reason)" + (sub.failureCode.map { " (\($0))" } ?? ""))
            }
        }
        return out
    }

    /// No later sub-job of the same depth comes before the list goes back up a level.
    static func isLastSibling(at index: Int, depths: [Int]) -> Bool {
        for depth in depths[(index + 1)...] {
            if depth < depths[index] { return true }
            if depth == depths[index] { return false }
        }
        return true
    }

    static func timing(_ job: Job, now: Date, timeZone: TimeZone, arrow: String) -> String {
        guard let begin = job.beginTime else { return "not started" }
        var text = TimeText.format(begin, timeZone: timeZone, now: now)
        if job.status.isTerminal, let end = job.endTime {
            text += " \(arrow) \(TimeText.format(end, timeZone: timeZone, now: now))"
        }
        if let elapsed = job.elapsed(now: now) {
            // CCE sub-jobs have a begin time while still Initializing: they wait, not run.
            let verb = switch job.status.outcome {
            case .success, .fail: "took"
            case .initial: "waiting"
            case .pendingPayment: "awaiting payment"
            case .running, .unknown: "running"
            }
            text += "  \(verb) \(ElapsedText.format(elapsed))"
        }
        return text
    }
}

/// Status symbols: `✔ ✖ ▶ ○ ?`, or ASCII `+ x > o ?` where the locale is not UTF-8.
public struct StatusSymbols: Sendable {
    public let unicode: Bool

    public init(unicode: Bool) {
        self.unicode = unicode
    }

    public var unknown: String { "?" }

    public func symbol(for status: JobStatus) -> String {
        StatusLook.symbol(status, unicode: unicode)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
