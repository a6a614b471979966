import Foundation
import JobModel

/// The report as Markdown to paste into a change or incident ticket: a table of the jobs,
/// then for each batch its failures grouped by reason, percentiles, slowest sub-jobs and a
/// Mermaid timeline.
public enum MarkdownReport {
    /// Sub-jobs listed under one failure reason; the rest are counted.
    public static let membersShown = 10

    public static func lines(_ report: RolloutReport) -> [String] {
        let jobs = report.jobs
        let verdict = report.verdict
        var lines = [
            "# jobwatch report",
            "",
            "Read \(time(report.now, report.zone)) · \(verdict.counts)",
            "",
            "**\(symbol(verdict.outcome)) \(verdict.headline)**" + ([verdict.subJobText, verdict.spanText(report.zone, now: report.now)].compactMap { $0.map { " · \($0)" } }.joined()),
        ]
        if !report.covers.isEmpty {
            lines += ["", "Covers: " + report.covers.map { cell($0.text) }.joined(separator: "; ")]
        }
        lines += [
            "",
            "| | Service | Job | Status | Begin | End | Duration | Done |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for job in jobs {
            lines.append("| \(symbol(job.outcome)) | \(job.service) | \(cell(job.title)) `\(job.jobID)` | \(job.status) (\(job.outcome)) | \(date(job.begin, report.zone)) | \(date(job.end, report.zone)) | \(job.seconds.map(ClockText.duration) ?? "–") | \(done(job)) |")
        }
        for (job, timeline) in report.sections {
            lines += [""] + section(job, timeline, report)
        }
        return lines
    }

    public static func text(_ report: RolloutReport) -> String {
        lines(report).joined(separator: "\n") + "\n"
    }

    static func section(_ job: RolloutReport.JobSummary, _ timeline: Timeline, _ report: RolloutReport) -> [String] {
        var lines = ["## \(symbol(job.outcome)) \(job.service) \(cell(job.title)) — `\(job.jobID)`", ""]
        lines.append(RolloutReport.facts(job))
        if let error = job.error { lines += ["", "Not read: \(cell(error))"] }
        if !job.failures.isEmpty {
            lines += ["", "### Failures by reason", ""]
            for group in job.failures {
                let code = group.code.map { " (`\($0)`)" } ?? ""
                var line = "- **\(cell(group.reason))**\(code)"
                if !group.subJobs.isEmpty {
                    let shown = group.subJobs.prefix(membersShown).map { member in
                        "`\(member.id)`" + (member.name.map { " \(cell($0))" } ?? "")
                    }
                    let more = group.count > membersShown ? ", and \(group.count - membersShown) more" : ""
                    line += " — \(group.countText): " + shown.joined(separator: ", ") + more
                }
                lines.append(line)
            }
        }
        if let durations = RolloutReport.durations(job, timeline) {
            lines += ["", "### Durations", "", durations, "", "`\(spread(timeline))`"]
        }
        if !job.slowest.isEmpty {
            lines += ["", "### Slowest sub-jobs", "", "| Sub-job | Status | Duration |", "|---|---|---|"]
            for slow in job.slowest {
                let name = slow.name.map { " \(cell($0))" } ?? ""
                lines.append("| `\(slow.id)`\(name) | \(slow.status) | \(ClockText.duration(slow.seconds))\(slow.straggler ? " (straggler)" : "") |")
            }
        }
        if !timeline.bars.isEmpty {
            lines += ["", "### Timeline", ""]
            if timeline.bars.count > MermaidGantt.fullLimit {
                lines += ["\(timeline.bars.count) sub-jobs: the failures and the slowest are drawn by name, the rest in runs.", ""]
            }
            lines += ["```mermaid"] + MermaidGantt.lines(timeline) + ["```"]
        }
        return lines
    }

    /// `3m20s ▁▃█▂ 3m47s`: the finished sub-jobs' durations as a histogram.
    static func spread(_ timeline: Timeline) -> String {
        let spark = Sparkline.text(timeline.stats.histogram(buckets: min(16, max(1, timeline.stats.count))), unicode: true)
        return "\(ClockText.duration(timeline.stats.min ?? 0)) \(spark) \(ClockText.duration(timeline.stats.max ?? 0))"
    }

    static func symbol(_ outcome: String) -> String {
        switch outcome {
        case "succeeded": "✔"
        case "failed": "✖"
        case "running": "▶"
        case "waiting": "○"
        default: "?"
        }
    }

    static func done(_ job: RolloutReport.JobSummary) -> String {
        RolloutReport.done(job)
    }

    /// Text safe in a table cell and on one line.
    static func cell(_ text: String) -> String {
        OneLine.of(text).replacingOccurrences(of: "|", with: "\\|")
    }

    static func date(_ iso: String?, _ zone: TimeZone) -> String {
        guard let iso, let date = ISO8601DateFormatter().date(from: iso) else { return "–" }
        return time(date, zone)
    }

    static func time(_ date: Date, _ zone: TimeZone) -> String {
        ClockText.dateTime(date, zone)
    }
}
