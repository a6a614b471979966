import Foundation
import JobModel

/// The `v` view: the batch's sub-jobs as bars on one time axis, under its percentiles and a
/// histogram of durations. Formats only the rows on screen.
enum TimelineView {
    /// Lines above the bars: title, percentiles, axis.
    static let headerLines = 3

    static func rows(_ context: RenderContext, _ timeline: Timeline, offset: Int, width: Int, height: Int) -> [Row] {
        let palette = context.palette
        let unicode = context.unicode
        let columns = Columns(width: width)
        var rows: [Row] = []

        var title = LineBuilder(width: width)
        let counts = timeline.counts
        // Narrow, whole fields go and the name is cut before the count of failures goes.
        var titleFields = [
            LineField("Timeline: \(timeline.title)", palette.title, priority: .high, cutTo: 16),
            LineField("\(timeline.bars.count) \(timeline.bars.count == 1 ? "row" : "rows")", palette.title, priority: .medium, lead: .init(text: unicode ? " — " : " - ", style: palette.title)),
        ]
        if counts.fail > 0 { titleFields.append(LineField("\(counts.fail) failed", palette.error, priority: .always, lead: .init(text: context.separator, style: palette.error))) }
        titleFields.append(LineField("v tree", palette.dim, priority: .low, lead: .init(text: context.separator, style: palette.dim)))
        title.add(fields: titleFields, ellipsis: context.ellipsis)
        rows.append(title.row())

        rows.append(statsRow(context, timeline, width: width))

        var axis = LineBuilder(width: width)
        axis.pad(to: columns.track)
        axis.add(TimelineAxis.line(TimelineAxis.ticks(timeline, columns: columns.trackWidth, zone: context.zone), columns: columns.trackWidth), palette.dim)
        rows.append(axis.row())

        let visible = max(0, height - headerLines)
        let start = clampedOffset(offset, count: timeline.bars.count, visible: visible)
        for bar in timeline.bars[start..<min(timeline.bars.count, start + visible)] {
            rows.append(row(bar, timeline, context, columns, width: width))
        }
        if timeline.bars.isEmpty {
            var line = LineBuilder(width: width)
            line.add("  nothing to draw yet", palette.dim)
            rows.append(line.row())
        }
        while rows.count < height { rows.append(LineBuilder(width: width).row()) }
        return Array(rows.prefix(height))
    }

    static func clampedOffset(_ offset: Int, count: Int, visible: Int) -> Int {
        max(0, min(offset, count - visible))
    }

    /// `p50 3m34s  p90 3m47s  max 3m47s of 2 finished  3m34s ▁  █ 3m47s  2 stragglers`: the
    /// percentiles are of the finished bars and say how many; stragglers count the unfinished
    /// too. Narrow, whole fields go: the histogram, max, p90, then the stragglers.
    private static func statsRow(_ context: RenderContext, _ timeline: Timeline, width: Int) -> Row {
        let palette = context.palette
        var line = LineBuilder(width: width)
        let stats = timeline.stats
        guard let p50 = stats.p50, let p90 = stats.p90, let max = stats.max, let min = stats.min else {
            line.add("no finished sub-job yet: no percentiles", palette.dim)
            return line.row()
        }
        func value(_ label: String, _ seconds: TimeInterval, _ priority: LineField.Priority) -> LineField {
            LineField(forms: [[.init(text: label + " ", style: palette.dim), .init(text: ClockText.duration(seconds), style: palette.bold)]], priority: priority)
        }
        var fields = [
            value("p50", p50, .always), value("p90", p90, .medium), value("max", max, .low),
            LineField("of \(stats.count) finished", palette.dim, priority: .always, lead: .init(text: " ", style: .plain)),
        ]
        let stragglers = timeline.stragglers.count
        if stragglers > 0 { fields.append(LineField("\(stragglers) straggler\(stragglers == 1 ? "" : "s")", palette.slow, priority: .high)) }
        // The histogram takes what the rest leave, from 4 bins to 24.
        let room = width - LineField.columns(LineField.fit(fields, width: width))
        let ends = "  \(ClockText.duration(min)) ".count + " \(ClockText.duration(max))".count
        let bins = Swift.min(24, room - ends)
        if bins >= 4 {
            let histogram: [LineField.Piece] = [
                .init(text: ClockText.duration(min) + " ", style: palette.dim),
                .init(text: Sparkline.text(stats.histogram(buckets: bins), unicode: context.unicode), style: palette.plain),
                .init(text: " " + ClockText.duration(max), style: palette.dim),
            ]
            fields.insert(LineField(forms: [histogram], priority: .least), at: 4)
        }
        line.add(fields: fields, ellipsis: context.ellipsis)
        return line.row()
    }

    /// Where the parts of a bar's row go.
    struct Columns {
        let label: Int
        let track: Int
        let trackWidth: Int
        static let duration = 6

        init(width: Int) {
            label = Swift.min(28, Swift.max(8, width / 4))
            // Symbol, marker, label, space … space, duration.
            track = 2 + label + 1
            trackWidth = Swift.max(1, width - track - 1 - Self.duration)
        }
    }

    private static func row(_ bar: Timeline.Bar, _ timeline: Timeline, _ context: RenderContext, _ columns: Columns, width: Int) -> Row {
        let palette = context.palette
        var line = LineBuilder(width: width)
        line.add(StatusLook.symbol(bar.status, unicode: context.unicode), palette.status(bar.status))
        line.add(bar.straggler ? "*" : " ", palette.slow)
        let name = bar.isNamed ? bar.label : context.shortID(bar.id)
        line.add(name, columns: columns.label, palette.plain, ellipsis: context.ellipsis)
        line.add(" ")
        let barStyle = palette.status(bar.status)
        for ink in TimelineTrack.inks(bar, timeline, columns: columns.trackWidth, unicode: context.unicode) {
            switch ink {
            case .none: line.add(" ")
            case .fill(let text): line.add(text, barStyle)
            case .failMark(let text): line.add(text, palette.error)
            case .waiting(let text): line.add(text, palette.status(bar.status))
            }
        }
        line.add(" ")
        let duration = bar.duration(now: timeline.now).map(ClockText.duration) ?? ""
        line.addRight(duration, columns: Columns.duration, bar.straggler ? palette.slow : palette.dim)
        return line.row()
    }
}
