import Foundation
import JobModel

/// The times services write that are not ISO 8601 (docs/api/SERVICES.md §0, "Time formats actually
/// shown"): IMS ShowJob's `04-Jun-2015 18:11:06:586` and CCE's Go `time.String()` form
/// `2018-08-02 08:12:40.672772389 +0000 UTC`. All in UTC.
enum ServiceTimestamps {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `dd-MMM-yyyy HH:mm:ss:SSS`, English month, a `:` before the milliseconds.
    static func ims(_ date: Date) -> String {
        let (parts, millis) = split(date)
        return "\(two(parts.day))-\(months[(parts.month ?? 1) - 1])-\(parts.year ?? 1970) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)):\(padded(millis, 3))"
    }

    /// `yyyy-MM-dd HH:mm:ss.fffffffff +0000 UTC` with trailing zeros trimmed, as Go prints it.
    /// A `Date` holds no nanoseconds worth trusting, so `jitter` (0..<1_000_000) supplies the
    /// digits below the millisecond, and `digits` (1...9) how many are kept before trimming:
    /// real bodies show 8 or 9 digits, sometimes fewer.
    static func go(_ date: Date, jitter: Int, digits: Int) -> String {
        let (parts, millis) = split(date)
        let nanos = millis * 1_000_000 + jitter % 1_000_000
        var scale = 1
        for _ in 0..<(9 - min(max(digits, 1), 9)) { scale *= 10 }
        var fraction = padded(nanos / scale * scale, 9)
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let stamp = "\(parts.year ?? 1970)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
        return fraction.isEmpty ? "\(stamp) +0000 UTC" : "\(stamp).\(fraction) +0000 UTC"
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Whole-second parts and the milliseconds, rounded as `JobTimestamp.format` rounds them.
    private static func split(_ date: Date) -> (DateComponents, Int) {
        let totalMillis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = Int64((Double(totalMillis) / 1000).rounded(.down))
        let whole = Date(timeIntervalSince1970: TimeInterval(seconds))
        let parts = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
        return (parts, Int(totalMillis - seconds * 1000))
    }

    private static func two(_ value: Int?) -> String { padded(value ?? 0, 2) }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
