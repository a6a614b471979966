import Foundation

/// Parses the API's times: ISO 8601 with or without fractions, `Z` or an offset; IMS's
/// `04-Jun-2015 18:11:06:586` (UTC); CCE's Go-style `2018-08-02 08:12:40.672772389 +0000 UTC`.
/// `""` and `null` mean "not set yet" (a running job's `end_time`).
public enum JobTimestamp {
    public static func parse(_ text: String?) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        if let date = text.utf8.withContiguousStorageIfAvailable(TimestampScanner.isoUTC) ?? nil { return date }
        let raw = text.trimmingCharacters(in: .whitespaces)
        guard !raw.isEmpty else { return nil }
        // DCS: epoch milliseconds in a string (`"1684191545379"`); ten digits are seconds.
        if raw.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            guard let number = Double(raw) else { return nil }
            switch raw.utf8.count {
            case 13: return Date(timeIntervalSince1970: number / 1000)
            case 10: return Date(timeIntervalSince1970: number)
            default: return nil
            }
        }
        // The other services' shapes are told apart by a glance, before any parser runs.
        if raw.utf8.prefix(6).contains(where: { $0 >= UInt8(ascii: "A") }) { return TimestampScanner.ims(raw) }
        // The database family: `2018-08-06T10:41:14+0800`, an offset without its colon.
        if let colonless = withColonInOffset(raw) { return parse(colonless) }
        if raw.contains(" +") || raw.contains(" -") { return TimestampScanner.go(raw) }
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

    /// `parse` of a string's UTF-8 bytes, sparing the string for the usual shape.
    package static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        TimestampScanner.isoUTC(bytes) ?? parse(String(decoding: bytes, as: UTF8.self))
    }

    /// `2019-04-25T20:04:47.591Z`: how jobwatch writes times (UTC, milliseconds).
    public static func format(_ date: Date) -> String {
        // Rounded to the millisecond here: the format style truncates, so `.591` (stored as
        // .5909999…) would be written `.590` and drift further on every save and load.
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = (Double(millis) / 1000).rounded(.down)
        let fraction = millis - Int64(seconds) * 1000
        let whole = Date(timeIntervalSince1970: seconds).formatted(withoutFractions)
        return "\(whole.dropLast()).\(String(1000 + fraction).dropFirst())Z"
    }

    private static let withFractions = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let withoutFractions = Date.ISO8601FormatStyle()

    /// `…T10:41:14+0800` as `…T10:41:14+08:00`; `nil` when the text has no such offset.
    private static func withColonInOffset(_ raw: String) -> String? {
        let bytes = Array(raw.utf8)
        guard bytes.count > 5, raw.contains("T") else { return nil }
        let sign = bytes[bytes.count - 5]
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
              bytes.suffix(4).allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return String(raw.dropLast(2)) + ":" + String(raw.suffix(2))
    }

    private static func hasOffset(_ raw: String) -> Bool {
        guard let t = raw.firstIndex(of: "T") else { return false }
        return raw[t...].contains("+") || raw[t...].dropFirst().contains("-")
    }
}
