import Foundation
import JobModel

/// One bar drawn into a track of character cells: where it starts and ends on the shared
/// axis, with eighth blocks for the end where the terminal is UTF-8.
enum TimelineTrack {
    static let eighths: [String] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// What a cell of the track holds.
    enum Ink: Hashable {
        case none
        case fill(String)
        /// The `✖` after a failed bar.
        case failMark(String)
        /// An INIT job's place: where it is expected to start.
        case waiting(String)
    }

    /// The cells of `bar` over `columns` columns of `timeline`'s axis.
    static func inks(_ bar: Timeline.Bar, _ timeline: Timeline, columns: Int, unicode: Bool) -> [Ink] {
        var inks = Array(repeating: Ink.none, count: max(0, columns))
        guard columns > 0 else { return inks }
        let scale = Double(columns) / timeline.span
        func x(_ date: Date) -> Double { min(Double(columns), max(0, date.timeIntervalSince(timeline.start) * scale)) }

        if bar.status?.outcome == .initial || bar.begin == nil {
            guard bar.status?.outcome == .initial else { return inks }
            let at = min(columns - 1, Int(x(bar.begin ?? timeline.now)))
            inks[at] = .waiting(unicode ? "○" : "o")
            return inks
        }
        let begin = x(bar.begin!)
        let end = x(bar.isFinished ? (bar.end ?? timeline.now) : timeline.now)
        let failed = bar.status == .fail
        let first = min(columns - 1, Int(begin))

        if unicode && !failed && bar.status?.outcome != .unknown {
            // Eighths: a whole cell from the start, then the end to the nearest eighth.
            let stop = max(first * 8 + 1, min(columns * 8, Int((end * 8).rounded())))
            for cell in first..<(stop / 8) { inks[cell] = .fill("█") }
            if stop % 8 > 0 { inks[stop / 8] = .fill(eighths[stop % 8 - 1]) }
        } else {
            let fill = unicode ? (failed ? "▓" : "░") : (failed ? "#" : (bar.status?.outcome == .running ? "-" : bar.status == .success ? "=" : "."))
            let stop = max(first + 1, min(columns, Int(end.rounded())))
            for cell in first..<stop { inks[cell] = .fill(fill) }
        }
        if failed {
            let cells = inks.lastIndex { $0 != .none } ?? first
            inks[min(columns - 1, cells + 1)] = .failMark(unicode ? "✖" : "x")
        }
        return inks
    }
}
