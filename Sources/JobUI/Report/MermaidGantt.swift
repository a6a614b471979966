import Foundation
import JobModel

/// A Mermaid `gantt` block of one timeline, which GitLab and GitHub draw. Large batches are
/// summarised: failures and the slowest by name, the rest as runs of sub-jobs, so a
/// 1,500-server batch stays a few dozen lines.
public enum MermaidGantt {
    /// Up to this many bars, every one is drawn.
    public static let fullLimit = 40
    static let failuresShown = 15
    static let slowestShown = 8
    static let runs = 12

    public static func lines(_ timeline: Timeline) -> [String] {
        var lines = [
            "gantt",
            "    title \(name(timeline.title)) (UTC)",
            "    dateFormat YYYY-MM-DD HH:mm:ss",
            // Seconds on a short batch's axis, else every tick reads the same minute.
            "    axisFormat \(timeline.span < 600 ? "%H:%M:%S" : "%H:%M")",
        ]
        var number = 0
        func task(_ label: String, _ tag: String?, begin: Date, end: Date) {
            number += 1
            // A zero-length task draws nothing: give it a second.
            let stop = max(end, begin.addingTimeInterval(1))
            lines.append("    \(name(label)) :\(tag.map { "\($0), " } ?? "")t\(number), \(time(begin)), \(time(stop))")
        }
        func bar(_ bar: Timeline.Bar, label: String? = nil) {
            let begin = bar.begin ?? timeline.now
            // INIT has not started: a one-second marker where it is expected to.
            let end = bar.isFinished ? (bar.end ?? timeline.now) : bar.status?.outcome == .initial ? begin : max(begin, timeline.now)
            task(label ?? title(bar), tag(bar), begin: begin, end: end)
        }
        let sections: [(String, [Timeline.Bar])] = [
            ("failed", timeline.bars.filter { $0.status == .fail }),
            ("succeeded", timeline.bars.filter { $0.status == .success }),
            ("running", timeline.bars.filter { $0.status?.outcome == .running }),
            ("waiting", timeline.bars.filter { $0.status?.outcome == .initial }),
            ("other", timeline.bars.filter { ![.success, .fail, .running, .initial].contains($0.status?.outcome) }),
        ]
        let summarise = timeline.bars.count > fullLimit
        for (title, bars) in sections where !bars.isEmpty {
            lines.append("    section \(title) (\(bars.count))")
            guard summarise else {
                bars.forEach { bar($0) }
                continue
            }
            // Named: the failures, then the slowest; the rest in runs by begin time.
            let named = title == "failed" ? Array(bars.prefix(failuresShown)) : slowest(bars, timeline.now)
            named.forEach { bar($0) }
            let namedIDs = Set(named.map(\.id))
            let rest = bars.filter { !namedIDs.contains($0.id) }.sorted { ($0.begin ?? timeline.now) < ($1.begin ?? timeline.now) }
            guard !rest.isEmpty else { continue }
            let size = (rest.count + runs - 1) / runs
            for start in stride(from: 0, to: rest.count, by: size) {
                let run = rest[start..<min(rest.count, start + size)]
                let begin = run.compactMap(\.begin).min() ?? timeline.now
                let end = run.map { $0.isFinished ? ($0.end ?? timeline.now) : timeline.now }.max() ?? begin
                task("\(run.count) more \(title)", tag(run.first!), begin: begin, end: end)
            }
        }
        return lines
    }

    /// The slowest few, in the batch's order.
    static func slowest(_ bars: [Timeline.Bar], _ now: Date) -> [Timeline.Bar] {
        let chosen = Set(bars.sorted { ($0.duration(now: now) ?? 0) > ($1.duration(now: now) ?? 0) }.prefix(slowestShown).map(\.id))
        return bars.filter { chosen.contains($0.id) }
    }

    static func title(_ bar: Timeline.Bar) -> String {
        let id = JobID.short(bar.id, unicode: false)
        return "\(bar.label) \(id)" + (bar.straggler ? " (straggler)" : "")
    }

    /// `crit` for failures (red), `done` for successes, `active` while running.
    static func tag(_ bar: Timeline.Bar) -> String? {
        switch bar.status?.outcome {
        case .fail?: "crit"
        case .success?: "done"
        case .running?: "active"
        default: nil
        }
    }

    /// Mermaid reads `:` as the start of the task's data and `#`/`;` as comments or entities.
    static func name(_ text: String) -> String {
        let cleaned = OneLine.of(text).map { ":;#".contains($0) ? " " : $0 }
        let name = String(cleaned).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? "job" : name
    }

    static func time(_ date: Date) -> String {
        String(ClockText.iso(date).dropLast().replacingOccurrences(of: "T", with: " "))
    }
}
