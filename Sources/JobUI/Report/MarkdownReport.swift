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
        var counts = StatusCounts()
        jobs.forEach { counts.add(JobStatus(raw: $0.status)) }
        var lines = [
            "# jobwatch report",
            "",
            "Read \(time(report.now, report.zone)) · \(jobs.count) job\(jobs.count == 1 ? "" : "s"): \(counts.success) succeeded, \(counts.fail) failed, \(counts.running + counts.initial + counts.other) not finished",
            "",
            "| | Service | Job | Status | Begin | End | Duration | Done |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for job in jobs {
            lines.append("| \(symbol(job.outcome)) | \(job.service) | \(cell(job.title)) `\(job.jobID)` | \(job.status) (\(job.outcome)) | \(date(job.begin, report.zone)) | \(date(job.end, report.zone)) | \(job.seconds.map(ClockText.duration) ?? "–") | \(done(job)) |")
        }
        for (job, timeline) in zip(jobs, report.timelines) where job.subJobs != nil || !job.failures.isEmpty || job.error != nil {
            lines += [""] + section(job, timeline, report)
        }
        return lines
    }

    public static func text(_ report: RolloutReport) -> String {
        lines(report).joined(separator: "\n") + "\n"
    }

    static func section(_ job: RolloutReport.JobSummary, _ timeline: Timeline, _ report: RolloutReport) -> [String] {
        var lines = ["## \(symbol(job.outcome)) \(job.service) \(cell(job.title)) — `\(job.jobID)`", ""]
        var facts = ["\(job.status) (\(job.outcome))", done(job)]
        if let seconds = job.seconds { facts.append(ClockText.duration(seconds)) }
        lines.append(facts.joined(separator: " · "))
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
                    line += " — \(group.count) sub-job\(group.count == 1 ? "" : "s"): " + shown.joined(separator: ", ") + more
                }
                lines.append(line)
            }
        }
        if let p = job.percentiles {
            lines += ["", "### Durations", ""]
            let spark = Sparkline.text(timeline.stats.histogram(buckets: min(16, max(1, p.count))), unicode: true)
            var line = "p50 \(ClockText.duration(p.p50)) · p90 \(ClockText.duration(p.p90)) · max \(ClockText.duration(p.max)) of \(p.count) finished sub-job\(p.count == 1 ? "" : "s")"
            if timeline.unfinished > 0 { line += ", \(timeline.unfinished) unfinished" }
            line += " · \(job.stragglers) straggler\(job.stragglers == 1 ? "" : "s")" + unfinishedStragglers(timeline)
            if timeline.unfinished == 0 {
                line += " past p90"
            } else if let bar = timeline.stragglerThreshold.seconds {
                // Not the p90 above, which is of the finished only.
                line += "; the p90 counting unfinished sub-jobs at their time so far is \(ClockText.duration(bar))"
            }
            lines.append(line)
            lines.append("")
            lines.append("`\(ClockText.duration(timeline.stats.min ?? 0)) \(spark) \(ClockText.duration(p.max))`")
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

    /// ` (2 still running)`: the stragglers not finished yet; empty when there are none.
    static func unfinishedStragglers(_ timeline: Timeline) -> String {
        let open = timeline.stragglers.filter { !$0.isFinished }
        guard !open.isEmpty else { return "" }
        return " (\(open.count) \(open.allSatisfy { $0.status?.outcome == .running } ? "still running" : "not finished"))"
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
        guard let subs = job.subJobs else { return job.outcome == "succeeded" || job.outcome == "failed" ? "1/1" : "0/1" }
        return "\(subs.done)/\(subs.total)" + (subs.failed > 0 ? ", \(subs.failed) failed" : "")
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
