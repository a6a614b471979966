import Foundation
import JobModel

/// Where the time axis puts its ticks: the start as a clock time (`21:04`), then offsets
/// (`+5m`) at a round step far enough apart for their labels.
enum TimelineAxis {
    static let steps: [TimeInterval] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172_800, 604_800]
    /// Columns between ticks, at least: room for `+1h30m` and a space.
    static let minimumGap = 7.0

    /// The step for `span` seconds over `columns` columns.
    static func step(span: TimeInterval, columns: Int) -> TimeInterval {
        guard columns > 0, span > 0 else { return steps.last! }
        return steps.first { $0 / span * Double(columns) >= minimumGap } ?? steps.last!
    }

    /// The tick labels and their columns (0-based within the track).
    static func ticks(_ timeline: Timeline, columns: Int, zone: TimeZone) -> [(column: Int, label: String)] {
        let step = step(span: timeline.span, columns: columns)
        var ticks = [(0, startLabel(timeline.start, zone))]
        var k = 1.0
        while k * step < timeline.span {
            let column = Int((k * step / timeline.span * Double(columns)).rounded(.down))
            ticks.append((column, "+" + DurationText.format(.seconds(Int64(k * step)))))
            k += 1
        }
        return ticks
    }

    /// `21:04` in `zone`.
    static func startLabel(_ date: Date, _ zone: TimeZone) -> String {
        String(ClockText.clock(date, zone).prefix(5))
    }

    /// The labels laid on one line of `columns`, each where its tick is, skipping those that
    /// would run into the previous one or off the end.
    static func line(_ ticks: [(column: Int, label: String)], columns: Int) -> String {
        var characters = Array(repeating: Character(" "), count: max(0, columns))
        var free = 0
        for tick in ticks where tick.column >= free && tick.column + tick.label.count <= columns {
            for (offset, character) in tick.label.enumerated() { characters[tick.column + offset] = character }
            free = tick.column + tick.label.count + 1
        }
        return String(characters)
    }
}
