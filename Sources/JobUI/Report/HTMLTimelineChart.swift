import Foundation
import JobModel

/// One batch's timeline as inline SVG for the HTML report: a row per sub-job (its name, else
/// its short ID) and its bar on the shared axis, the axis's ticks above (`ChartTicks`).
enum HTMLTimelineChart {
    /// The SVG's geometry, fixed so a screenshot can be checked against the data.
    enum Geometry {
        static let width = 1000.0
        /// Where the track starts (after the labels) and how wide it is.
        static let trackLeft = 300.0
        static let trackWidth = 680.0
        static let rowHeight = 14.0
        static let barHeight = 10.0
        /// Room above the bars for the axis labels.
        static let axisHeight = 18.0
        /// Body padding: the page's left edge.
        static let pageMargin = 16.0
        /// Characters of a row's name that fit before the track.
        static let nameCharacters = 40
    }

    static func svg(_ timeline: Timeline, zone: TimeZone) -> String {
        typealias G = Geometry
        let f = HTMLReport.f
        let escape = HTMLReport.escape
        let height = G.axisHeight + Double(timeline.bars.count) * G.rowHeight + 4
        var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(G.width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(G.width)) \(Int(height))\">\n"
        let scale = G.trackWidth / timeline.span
        func x(_ date: Date) -> Double { G.trackLeft + min(G.trackWidth, max(0, date.timeIntervalSince(timeline.start) * scale)) }
        for (index, _) in timeline.bars.enumerated() where index % 2 == 1 {
            svg += "<rect class=\"stripe\" x=\"0\" y=\"\(f(G.axisHeight + Double(index) * G.rowHeight - 2))\" width=\"\(Int(G.width))\" height=\"\(f(G.rowHeight))\" fill=\"#f6f8fa\"/>"
        }
        for tick in ChartTicks.ticks(start: timeline.start, span: timeline.span, zone: zone, left: G.trackLeft, width: G.trackWidth, chartWidth: G.width) {
            svg += "<line x1=\"\(f(tick.x))\" y1=\"\(f(G.axisHeight - 4))\" x2=\"\(f(tick.x))\" y2=\"\(f(height))\" stroke=\"#e1e4e8\"/>"
            svg += "<text class=\"axis\" x=\"\(f(tick.x))\" y=\"12\" text-anchor=\"\(tick.anchor.rawValue)\">\(escape(tick.label))</text>\n"
        }
        for (index, bar) in timeline.bars.enumerated() {
            let top = G.axisHeight + Double(index) * G.rowHeight
            let name = bar.isNamed ? bar.label : JobID.short(bar.id)
            svg += "<text class=\"name\" x=\"4\" y=\"\(f(top + G.barHeight))\"><title>\(escape(bar.id))</title>\(escape(fitted(name) + (bar.straggler ? " *" : "")))</text>"
            let outcome = bar.status?.outcome
            guard let begin = bar.begin, outcome != .initial else {
                let at = x(bar.begin ?? timeline.now)
                svg += "<rect class=\"bar waiting\" x=\"\(f(at))\" y=\"\(f(top))\" width=\"\(f(G.barHeight))\" height=\"\(f(G.barHeight))\" fill=\"none\" stroke=\"\(HTMLReport.otherColor)\"><title>\(escape(bar.id)) waiting</title></rect>\n"
                continue
            }
            let start = x(begin)
            let stop = x(bar.isFinished ? (bar.end ?? timeline.now) : timeline.now)
            let (kind, color) = switch outcome {
            case .fail?: ("fail", HTMLReport.failColor)
            case .success?: ("success", HTMLReport.successColor)
            case .running?: ("running", HTMLReport.runningColor)
            default: ("other", HTMLReport.otherColor)
            }
            let tip = "\(bar.label) \(bar.id) \(bar.status?.description ?? "?") \(bar.duration(now: timeline.now).map(ClockText.duration) ?? "")" + (bar.reason.map { " — \($0)" } ?? "")
            svg += "<rect class=\"bar \(kind)\" x=\"\(f(start))\" y=\"\(f(top))\" width=\"\(f(max(1, stop - start)))\" height=\"\(f(G.barHeight))\" fill=\"\(color)\"><title>\(escape(tip))</title></rect>\n"
        }
        return svg + "</svg>\n"
    }

    /// A name cut to fit before the track (the full one is in the bar's tooltip).
    static func fitted(_ name: String) -> String {
        let line = OneLine.of(name)
        return line.count <= Geometry.nameCharacters ? line : String(line.prefix(Geometry.nameCharacters - 1)) + "…"
    }
}
