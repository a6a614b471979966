import Foundation
import JobModel

/// The report as one self-contained HTML page for attaching to a ticket: the verdict and what
/// it covers first, the jobs, then per job what the Markdown says and a timeline (inline SVG,
/// `HTMLTimelineChart`). Inline CSS; no scripts, no external assets. Every fact comes from
/// `RolloutReport`, as the Markdown's do; every text from a server is escaped.
public enum HTMLReport {
    /// Bar colours by outcome (also in the legend).
    public static let failColor = "#d7263d"
    static let successColor = "#2e9e5b"
    static let runningColor = "#e0a400"
    static let otherColor = "#8a8a8a"

    /// A bar's class and colour by outcome; `waiting` is drawn as an outline.
    static let palette: [(kind: String, color: String, meaning: String)] = [
        ("success", successColor, "succeeded"),
        ("fail", failColor, "failed"),
        ("running", runningColor, "running"),
        ("waiting", otherColor, "waiting (not started)"),
        ("other", otherColor, "other status"),
    ]

    public static func page(_ report: RolloutReport) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
        <title>jobwatch report — \(escape(report.verdict.headline))</title>
        <style>\(style)</style></head><body>

        """
        html += summary(report)
        html += jobTable(report)
        for (job, timeline) in report.sections {
            html += section(job, timeline, report)
        }
        html += "<footer>Written by <code>jobwatch report</code> at \(escape(MarkdownReport.time(report.now, report.zone))) · times in \(escape(report.zone.identifier))</footer>\n"
        return html + "</body></html>\n"
    }

    // Verdict colours are darker than the bars' so a screenshot's failure colour is only bars
    // and the legend's swatch.
    static let style = """
    body{margin:0;padding:\(Int(HTMLTimelineChart.Geometry.pageMargin))px;max-width:1180px;font:14px/1.45 system-ui,"Segoe UI","Liberation Sans",Arial,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1f2328;background:#fff}
    h1{font-size:22px;margin:0 0 6px}h2{font-size:17px;margin:28px 0 6px;padding-top:10px;border-top:1px solid #d0d7de}h3{font-size:14px;margin:14px 0 4px;color:#444}
    code{font:12.5px ui-monospace,"DejaVu Sans Mono",monospace;background:#f3f4f6;padding:0 3px;border-radius:3px}
    table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top}
    th{background:#f6f8fa;font-weight:600}th small{font-weight:400;color:#59636e}td.num{text-align:right;font-variant-numeric:tabular-nums}td.nowrap{white-space:nowrap}td.when{white-space:nowrap;font-variant-numeric:tabular-nums}
    .summary{border:1px solid #d0d7de;border-left:8px solid #59636e;border-radius:6px;padding:12px 18px;margin:0 0 18px;background:#f6f8fa}
    .summary.failed{border-left-color:#8e1b2c}.summary.succeeded{border-left-color:#1a6b3c}.summary.running{border-left-color:#9a6d00}
    .verdict{font-size:19px;font-weight:700;margin:2px 0 10px}.verdict.failed{color:#8e1b2c}.verdict.succeeded{color:#1a6b3c}.verdict.running{color:#7a5600}
    .summary table{margin:0}.summary th,.summary td{border:0;background:none;padding:1px 14px 1px 0}.summary th{color:#59636e;font-weight:600}
    tr.failed td{background:#fff1f2}.o-failed{color:#8e1b2c}.o-succeeded{color:#1a6b3c}.o-running{color:#7a5600}
    .facts{color:#444;margin:2px 0}.error{color:#8e1b2c}li.failure{margin:2px 0}
    .legend{margin:6px 0 4px;color:#444;font-size:12.5px}.legend .item{margin-right:14px;white-space:nowrap}
    .legend svg{display:inline-block;vertical-align:-1px;margin-right:4px}
    svg.chart{display:block;margin:4px 0 8px}svg.chart text{font:11px ui-monospace,"DejaVu Sans Mono",monospace;fill:#333}svg.chart text.axis{fill:#59636e}
    footer{margin-top:28px;color:#777;font-size:12px}
    """

    /// The top of the page: the verdict, then the counts, when, and where.
    static func summary(_ report: RolloutReport) -> String {
        let verdict = report.verdict
        var rows: [(String, String)] = [("Jobs", escape(verdict.counts))]
        if let subs = verdict.subJobText { rows.append(("Sub-jobs", escape(subs))) }
        if let span = verdict.spanText(report.zone, now: report.now) { rows.append(("When", escape(span))) }
        for (index, place) in report.covers.enumerated() {
            let endpoint = place.endpoint.isEmpty ? "endpoint unknown" : "<code>\(escape(place.endpoint))</code>"
            let project = place.projectID.isEmpty ? "project unknown" : "project <code>\(escape(place.projectID))</code>"
            let jobs = report.covers.count > 1 ? " (\(place.jobs) job\(place.jobs == 1 ? "" : "s"))" : ""
            rows.append((index == 0 ? "Covers" : "", "profile <code>\(escape(place.profile))</code> · \(endpoint) · \(project)\(jobs)"))
        }
        rows.append(("Read", escape(MarkdownReport.time(report.now, report.zone))))
        var html = "<header class=\"summary \(verdict.outcome)\">\n<h1>jobwatch report</h1>\n"
        html += "<p class=\"verdict \(verdict.outcome)\">\(MarkdownReport.symbol(verdict.outcome)) \(escape(verdict.headline))</p>\n<table class=\"overview\">"
        for (name, value) in rows { html += "<tr><th>\(name)</th><td>\(value)</td></tr>" }
        return html + "</table>\n</header>\n"
    }

    static func jobTable(_ report: RolloutReport) -> String {
        // The zone's offset once in the header keeps the columns narrow enough for the page.
        let offset = String(MarkdownReport.time(report.now, report.zone).suffix(6))
        var html = "<table class=\"jobs\"><tr><th></th><th>Service</th><th>Job</th><th>Status</th><th>Begin <small>\(offset)</small></th><th>End <small>\(offset)</small></th><th>Duration</th><th>Done</th></tr>\n"
        for job in report.jobs {
            html += "<tr class=\"\(escape(job.outcome))\"><td class=\"o-\(escape(job.outcome))\">\(MarkdownReport.symbol(job.outcome))</td><td>\(escape(job.service))</td><td>\(escape(job.title)) <code>\(escape(job.jobID))</code></td>"
            // The word and its meaning may wrap apart: `PENDING_PAYMENT (awaiting_payment)` is long.
            html += "<td>\(escape(job.status)) (\(escape(job.outcome)))</td><td class=\"when\">\(when(job.begin, report.zone))</td><td class=\"when\">\(when(job.end, report.zone))</td>"
            html += "<td class=\"num\">\(job.seconds.map(ClockText.duration) ?? "–")</td><td class=\"nowrap\">\(escape(RolloutReport.done(job)))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// `2019-04-25 20:04:34` in `zone` (its offset is in the column's header), or `–`.
    static func when(_ iso: String?, _ zone: TimeZone) -> String {
        let text = MarkdownReport.date(iso, zone)
        return text == "–" ? text : String(text.dropLast(7))
    }

    static func section(_ job: RolloutReport.JobSummary, _ timeline: Timeline, _ report: RolloutReport) -> String {
        var html = "<section class=\"job \(escape(job.outcome))\"><h2><span class=\"o-\(escape(job.outcome))\">\(MarkdownReport.symbol(job.outcome))</span> \(escape(job.service)) \(escape(job.title)) <code>\(escape(job.jobID))</code></h2>\n"
        html += "<p class=\"facts\">\(escape(RolloutReport.facts(job)))</p>\n"
        if let error = job.error { html += "<p class=\"error\">Not read: \(escape(error))</p>\n" }
        if !job.failures.isEmpty {
            html += "<h3>Failures by reason</h3><ul class=\"failures\">\n"
            for group in job.failures {
                html += "<li class=\"failure\"><b class=\"o-failed\">\(escape(group.reason))</b>\(group.code.map { " (<code>\(escape($0))</code>)" } ?? "")"
                if !group.subJobs.isEmpty {
                    let names = group.subJobs.prefix(MarkdownReport.membersShown).map { "<code>\(escape($0.id))</code>" + ($0.name.map { " " + escape($0) } ?? "") }
                    let more = group.count > MarkdownReport.membersShown ? ", and \(group.count - MarkdownReport.membersShown) more" : ""
                    html += " — \(group.countText): \(names.joined(separator: ", "))\(more)"
                }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        if let durations = RolloutReport.durations(job, timeline) {
            html += "<h3>Durations</h3><p class=\"durations\">\(escape(durations))</p><p><code>\(escape(MarkdownReport.spread(timeline)))</code></p>\n"
        }
        if !job.slowest.isEmpty {
            html += "<h3>Slowest sub-jobs</h3><table class=\"slowest\"><tr><th>Sub-job</th><th>Status</th><th>Duration</th></tr>\n"
            for slow in job.slowest {
                html += "<tr><td><code>\(escape(slow.id))</code>\(slow.name.map { " " + escape($0) } ?? "")</td><td>\(escape(slow.status))</td>"
                html += "<td class=\"num\">\(ClockText.duration(slow.seconds))\(slow.straggler ? " (straggler)" : "")</td></tr>\n"
            }
            html += "</table>\n"
        }
        if !timeline.bars.isEmpty {
            html += "<h3>Timeline</h3>\n" + legend() + HTMLTimelineChart.svg(timeline, zone: report.zone)
        }
        return html + "</section>\n"
    }

    /// What the bars' colours mean, drawn with the bars' own swatches.
    static func legend() -> String {
        var html = "<p class=\"legend\">"
        for entry in palette {
            let swatch = entry.kind == "waiting"
                ? "<rect x=\"0.5\" y=\"0.5\" width=\"9\" height=\"9\" fill=\"none\" stroke=\"\(entry.color)\"/>"
                : "<rect width=\"10\" height=\"10\" fill=\"\(entry.color)\"/>"
            html += "<span class=\"item\"><svg class=\"swatch \(entry.kind)\" width=\"10\" height=\"10\" viewBox=\"0 0 10 10\">\(swatch)</svg>\(entry.meaning)</span>"
        }
        return html + "<span class=\"item\"><code>*</code> straggler (past the p90)</span></p>\n"
    }

    static func f(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in OneLine.of(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
