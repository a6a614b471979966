import Foundation

/// Durations as people write them: `90s`, `5m`, `1h`, `1h30m`, `250ms`, `7d`.
///
/// Whole numbers with a unit, largest unit first, each unit at most once. A bare number is
/// refused: "10" could mean seconds or minutes.
public enum DurationText {
    static let units: [(suffix: String, milliseconds: Int64)] = [
        ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1),
    ]

    /// `nil` when the text is not a duration.
    public static func parse(_ text: String) -> Duration? {
        let bytes = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        guard !bytes.isEmpty else { return nil }
        var total: Int64 = 0
        var lastUnit = -1
        var i = 0
        while i < bytes.count {
            var amount: Int64 = 0
            var digits = 0
            while i < bytes.count, (0x30...0x39).contains(bytes[i]) {
                // 12 digits of days is far beyond any use; stopping there keeps the sum exact.
                guard digits < 12 else { return nil }
                amount = amount * 10 + Int64(bytes[i] - 0x30)
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            var suffix = ""
            while i < bytes.count, (0x61...0x7A).contains(bytes[i]) {
                suffix.unicodeScalars.append(Unicode.Scalar(bytes[i]))
                i += 1
            }
            guard let unit = units.firstIndex(where: { $0.suffix == suffix }), unit > lastUnit else { return nil }
            lastUnit = unit
            let (product, overflow) = amount.multipliedReportingOverflow(by: units[unit].milliseconds)
            guard !overflow, product <= Int64.max - total else { return nil }
            total += product
        }
        return .milliseconds(total)
    }

    /// The shortest text `parse` reads back as the same duration (to the millisecond):
    /// `1h30m`, `250ms`, `0s`.
    public static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        let milliseconds = overflow ? (seconds < 0 ? Int64.min : Int64.max) : scaled &+ attoseconds / 1_000_000_000_000_000
        if milliseconds == 0 { return "0s" }
        var remaining = milliseconds.magnitude
        var text = milliseconds < 0 ? "-" : ""
        for unit in units where remaining >= UInt64(unit.milliseconds) {
            text += "\(remaining / UInt64(unit.milliseconds))\(unit.suffix)"
            remaining %= UInt64(unit.milliseconds)
        }
        return text
    }
}
