import Foundation
import JobModel

/// The report as one self-contained HTML page for attaching to a ticket: inline CSS, and per
/// batch an inline SVG timeline with one bar per sub-job. No scripts, no external assets.
public enum HTMLReport {
    /// The SVG's geometry, fixed so a screenshot can be checked against the data.
    public enum Geometry {
        public static let width = 1000.0
        /// Where the track starts (after the labels) and how wide it is.
        public static let trackLeft = 300.0
        public static let trackWidth = 680.0
        public static let rowHeight = 14.0
        public static let barHeight = 10.0
        /// Room above the bars for the axis labels.
        public static let axisHeight = 18.0
        /// Body padding: the SVG's left edge on the page.
        public static let pageMargin = 16.0
    }

    /// Bar colours by outcome (also in the legend).
    public static let failColor = "#d7263d"
    static let successColor = "#2e9e5b"
    static let runningColor = "#e0a400"
    static let otherColor = "#8a8a8a"

    public static func page(_ report: RolloutReport) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>jobwatch report</title>
        <style>
        body{margin:0;padding:\(Int(Geometry.pageMargin))px;font:13px/1.35 system-ui,sans-serif;color:#222;background:#fff}
        h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:18px 0 4px}h3{font-size:13px;margin:10px 0 4px}
        table{border-collapse:collapse;margin:4px 0}td,th{border:1px solid #ddd;padding:1px 6px;text-align:left;white-space:nowrap}
        th{background:#f4f4f4}code{font:12px ui-monospace,monospace}.meta{color:#666;margin:0 0 6px}
        .fail{color:#a0102a}svg{display:block}svg text{font:11px ui-monospace,monospace;fill:#333}
        </style></head><body>
        <h1>jobwatch report</h1>
        <p class="meta">Read \(escape(MarkdownReport.time(report.now, report.zone))) · \(report.jobs.count) jobs</p>

        """
        html += "<table><tr><th></th><th>Service</th><th>Job</th><th>Status</th><th>Duration</th><th>Done</th></tr>\n"
        for job in report.jobs {
            let style = job.outcome == "failed" ? " class=\"fail\"" : ""
            html += "<tr\(style)><td>\(MarkdownReport.symbol(job.outcome))</td><td>\(escape(job.service))</td><td>\(escape(job.title)) <code>\(escape(job.jobID))</code></td>"
            html += "<td>\(escape(job.status))</td><td>\(job.seconds.map(ClockText.duration) ?? "–")</td><td>\(escape(MarkdownReport.done(job)))</td></tr>\n"
        }
        html += "</table>\n"
        for (job, timeline) in zip(report.jobs, report.timelines) where !timeline.bars.isEmpty {
            html += section(job, timeline, report)
        }
        html += "</body></html>\n"
        return html
    }

    static func section(_ job: RolloutReport.JobSummary, _ timeline: Timeline, _ report: RolloutReport) -> String {
        var html = "<section><h2>\(MarkdownReport.symbol(job.outcome)) \(escape(job.service)) \(escape(job.title)) <code>\(escape(job.jobID))</code></h2>\n"
        html += svg(timeline, zone: report.zone)
        if let p = job.percentiles {
            let unfinished = timeline.unfinished > 0 ? ", \(timeline.unfinished) unfinished" : ""
            html += "<p>p50 \(ClockText.duration(p.p50)) · p90 \(ClockText.duration(p.p90)) · max \(ClockText.duration(p.max)) of \(p.count) finished\(unfinished) · \(job.stragglers) straggler\(job.stragglers == 1 ? "" : "s")\(MarkdownReport.unfinishedStragglers(timeline))</p>\n"
        }
        if !job.failures.isEmpty {
            html += "<h3>Failures by reason</h3><ul>\n"
            for group in job.failures {
                let names = group.subJobs.prefix(MarkdownReport.membersShown).map { "<code>\(escape($0.id))</code>" + ($0.name.map { " " + escape($0) } ?? "") }
                let more = group.count > MarkdownReport.membersShown ? ", and \(group.count - MarkdownReport.membersShown) more" : ""
                html += "<li class=\"fail\"><b>\(escape(group.reason))</b>\(group.code.map { " (<code>\(escape($0))</code>)" } ?? "") — \(group.count): \(names.joined(separator: ", "))\(more)</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    /// One bar per sub-job on the shared axis, with the axis's ticks above.
    static func svg(_ timeline: Timeline, zone: TimeZone) -> String {
        typealias G = Geometry
        let height = G.axisHeight + Double(timeline.bars.count) * G.rowHeight + 4
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(G.width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(G.width)) \(Int(height))\">\n"
        let scale = G.trackWidth / timeline.span
        func x(_ date: Date) -> Double { G.trackLeft + min(G.trackWidth, max(0, date.timeIntervalSince(timeline.start) * scale)) }
        let step = TimelineAxis.step(span: timeline.span, columns: Int(G.trackWidth / 8))
        var k = 0.0
        while k * step <= timeline.span {
            let at = G.trackLeft + k * step * scale
            let label = k == 0 ? TimelineAxis.startLabel(timeline.start, zone) : "+" + DurationText.format(.seconds(Int64(k * step)))
            svg += "<line x1=\"\(f(at))\" y1=\"\(f(G.axisHeight - 4))\" x2=\"\(f(at))\" y2=\"\(f(height))\" stroke=\"#eee\"/>"
            svg += "<text x=\"\(f(at + 2))\" y=\"12\">\(escape(label))</text>\n"
            k += 1
        }
        for (index, bar) in timeline.bars.enumerated() {
            let top = G.axisHeight + Double(index) * G.rowHeight
            let name = (bar.isNamed ? bar.label : JobID.short(bar.id)) + (bar.straggler ? " *" : "")
            svg += "<text x=\"4\" y=\"\(f(top + G.barHeight))\">\(escape(name))</text>"
            let outcome = bar.status?.outcome
            guard let begin = bar.begin, outcome != .initial else {
                let at = x(bar.begin ?? timeline.now)
                svg += "<rect class=\"bar waiting\" x=\"\(f(at))\" y=\"\(f(top))\" width=\"\(f(G.barHeight))\" height=\"\(f(G.barHeight))\" fill=\"none\" stroke=\"\(otherColor)\"><title>\(escape(bar.id)) waiting</title></rect>\n"
                continue
            }
            let start = x(begin)
            let stop = x(bar.isFinished ? (bar.end ?? timeline.now) : timeline.now)
            let (kind, color) = switch outcome {
            case .fail?: ("fail", failColor)
            case .success?: ("success", successColor)
            case .running?: ("running", runningColor)
            default: ("other", otherColor)
            }
            let tip = "\(bar.id) \(bar.status?.description ?? "?") \(bar.duration(now: timeline.now).map(ClockText.duration) ?? "")" + (bar.reason.map { " — \($0)" } ?? "")
            svg += "<rect class=\"bar \(kind)\" x=\"\(f(start))\" y=\"\(f(top))\" width=\"\(f(max(1, stop - start)))\" height=\"\(f(G.barHeight))\" fill=\"\(color)\"><title>\(escape(tip))</title></rect>\n"
        }
        return svg + "</svg>\n"
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
            default: out.append(character)
            }
        }
        return out
    }
}
