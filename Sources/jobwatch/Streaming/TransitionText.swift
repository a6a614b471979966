import Foundation
import JobAPI
import JobEngine
import JobUI

/// One line per transition, for `wait` and the non-TTY stream:
/// `2026-05-01T08:09:10Z  baremetalBatchCreate 2c9e…2b4f  RUNNING → FAIL  3/24 sub-jobs failed: …`
enum TransitionText {
    static func line(_ t: Transition, unicode: Bool) -> String {
        let time = t.at.formatted(.iso8601)
        let arrow = unicode ? "→" : "->"
        let ellipsisID = { (id: String) in unicode ? JobID.short(id) : (id.count <= 12 ? id : "\(id.prefix(4))..\(id.suffix(4))") }
        var what = "\(t.jobType ?? "job") \(ellipsisID(t.subJobID ?? t.key.jobID))"
        if t.subJobID != nil { what += " (in \(ellipsisID(t.key.jobID)))" }
        if let label = t.label { what += " \u{201C}\(label)\u{201D}" }
        let from = t.from?.description ?? "seen"
        var line = "\(time)  \(what)  \(from) \(arrow) \(t.to)"
        if let reason = t.reason { line += "  \(OneLineText.of(reason))" }
        return line
    }

    /// `… 12 running, 3 init, 21/24 sub-jobs done, 14m elapsed, last poll 4 s ago`
    static func progress(_ s: Snapshot, elapsed: TimeInterval, now: Date, unicode: Bool) -> String {
        var parts: [String] = []
        let c = s.jobCounts
        if c.running > 0 { parts.append("\(c.running) running") }
        if c.initial > 0 { parts.append("\(c.initial) init") }
        if c.other > 0 { parts.append("\(c.other) other") }
        if c.fail > 0 { parts.append("\(c.fail) failed") }
        parts.append("\(s.subJobCounts.finished)/\(s.subJobCounts.total) sub-jobs done")
        parts.append("\(ElapsedText.format(elapsed)) elapsed")
        if let last = s.lastPollAt { parts.append("last poll \(ElapsedText.format(now.timeIntervalSince(last))) ago") }
        if let error = s.endpointErrors.values.first { parts.append("last error: \(error.message)") }
        return (unicode ? "… " : "... ") + parts.joined(separator: ", ")
    }
}

enum OneLineText {
    static func of(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
