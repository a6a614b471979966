import Foundation
import JobModel

/// The time axis of an HTML chart: a round step chosen from the span so labels stand apart,
/// the start as a clock time (with seconds when the step is under a minute, so a 30-second
/// batch is not all `04:18`), then offsets; each label anchored so it stays inside the chart.
enum ChartTicks {
    enum Anchor: String {
        case start, middle, end
    }

    struct Tick: Equatable {
        /// Seconds after the axis's start.
        var seconds: TimeInterval
        /// Its x in the chart.
        var x: Double
        var label: String
        var anchor: Anchor
    }

    /// An 11 px monospace character, a little generously: for keeping labels apart and inside.
    static let characterWidth = 7.0
    /// Pixels between ticks, at least: room for the widest label (`+1h30m`, `20:04:34`) twice.
    static let minimumGap = 110.0

    /// The step for `span` seconds over `width` pixels.
    static func step(span: TimeInterval, width: Double) -> TimeInterval {
        guard span > 0, width > 0 else { return TimelineAxis.steps.last! }
        return TimelineAxis.steps.first { $0 / span * width >= minimumGap } ?? TimelineAxis.steps.last!
    }

    /// Ticks for a track from `left` over `width` pixels, in a chart `chartWidth` wide.
    static func ticks(start: Date, span: TimeInterval, zone: TimeZone, left: Double, width: Double, chartWidth: Double) -> [Tick] {
        let step = step(span: span, width: width)
        let clock = ClockText.clock(start, zone)
        var ticks: [Tick] = []
        var k = 0.0
        while k * step <= span {
            let seconds = k * step
            let x = left + seconds / span * width
            let label = k == 0 ? (step < 60 ? clock : String(clock.prefix(5))) : "+" + DurationText.format(.seconds(Int64(seconds)))
            let half = Double(label.count) * characterWidth / 2
            let anchor: Anchor = k == 0 ? .start : x + half > chartWidth ? .end : .middle
            ticks.append(Tick(seconds: seconds, x: x, label: label, anchor: anchor))
            k += 1
        }
        return ticks
    }

    /// The horizontal extent a label takes (for tests and for keeping it in the chart).
    static func extent(_ tick: Tick) -> ClosedRange<Double> {
        let width = Double(tick.label.count) * characterWidth
        switch tick.anchor {
        case .start: return tick.x...(tick.x + width)
        case .middle: return (tick.x - width / 2)...(tick.x + width / 2)
        case .end: return (tick.x - width)...tick.x
        }
    }
}
