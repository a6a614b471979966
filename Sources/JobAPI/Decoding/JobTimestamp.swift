import Foundation

/// Parses the API's ISO 8601 times: with or without fractions, `Z` or an offset.
/// `""` and `null` mean "not set yet" (a running job's `end_time`).
public enum JobTimestamp {
    public static func parse(_ text: String?) -> Date? {
        guard let raw = text?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        if let date = try? Date(raw, strategy: withFractions) { return date }
        if let date = try? Date(raw, strategy: withoutFractions) { return date }
        // Some services omit the zone; the API speaks UTC.
        if !raw.hasSuffix("Z"), !hasOffset(raw) {
            let zoned = raw.replacingOccurrences(of: " ", with: "T") + "Z"
            if let date = try? Date(zoned, strategy: withFractions) { return date }
            if let date = try? Date(zoned, strategy: withoutFractions) { return date }
        }
        return nil
    }

    /// `2019-04-25T20:04:47.591Z`: how jobwatch writes times (UTC, milliseconds).
    public static func format(_ date: Date) -> String {
        date.formatted(withFractions)
    }

    private static let withFractions = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let withoutFractions = Date.ISO8601FormatStyle()

    private static func hasOffset(_ raw: String) -> Bool {
        guard let t = raw.firstIndex(of: "T") else { return false }
        return raw[t...].contains("+") || raw[t...].dropFirst().contains("-")
    }
}
