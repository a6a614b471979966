import JobModel

/// A one-line histogram: one character per bin, taller for more (block characters, or an
/// ASCII ramp ending in `#` where the terminal is not UTF-8). An empty bin is a space.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let ascii: [Character] = [".", ",", ":", "-", "=", "+", "*", "#"]

    public static func text(_ counts: [Int], unicode: Bool) -> String {
        let ramp = unicode ? blocks : ascii
        guard let top = counts.max(), top > 0 else { return String(repeating: " ", count: counts.count) }
        return String(counts.map { count -> Character in
            guard count > 0 else { return " " }
            // Any non-empty bin shows at least the lowest level.
            let level = Int((Double(count) / Double(top) * Double(ramp.count)).rounded(.up))
            return ramp[min(ramp.count, max(1, level)) - 1]
        })
    }
}
