import Foundation
import JobModel

/// The IMF-fixdate of HTTP (`Sun, 06 Nov 1994 08:49:37 GMT`): the `Date` and
/// `Retry-After` headers.
package enum HTTPDate {
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    package static func format(_ date: Date) -> String {
        let c = SDKDate.utcCalendar.dateComponents([.weekday, .year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%@, %02d %@ %04d %02d:%02d:%02d GMT",
            weekdays[c.weekday! - 1], c.day!, months[c.month! - 1], c.year!, c.hour!, c.minute!, c.second!
        )
    }

    package static func parse(_ text: String) -> Date? {
        // "Sun, 06 Nov 1994 08:49:37 GMT"
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT",
              let day = Int(parts[1]),
              let month = months.firstIndex(of: String(parts[2])),
              let year = Int(parts[3])
        else { return nil }
        let time = parts[4].split(separator: ":").compactMap { Int($0) }
        guard time.count == 3 else { return nil }
        let components = DateComponents(year: year, month: month + 1, day: day, hour: time[0], minute: time[1], second: time[2])
        guard components.isValidDate(in: SDKDate.utcCalendar) else { return nil }
        return SDKDate.utcCalendar.date(from: components)
    }

    /// The longest `Retry-After` taken as stated (ten years): a header of `1e300` or a date in
    /// year 9999 must not overflow a `Duration`. The engine waits at most its longest poll
    /// interval whatever the server asks; this is what it reports having been asked.
    package static let maxRetryAfter: TimeInterval = 10 * 365 * 86400

    /// `Retry-After` is either seconds or an HTTP date; returns seconds from `now`, at most
    /// `maxRetryAfter`.
    package static func retryAfterSeconds(_ value: String?, now: Date) -> TimeInterval? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds >= 0, seconds.isFinite { return min(seconds, maxRetryAfter) }
        if let date = parse(value) { return min(max(0, date.timeIntervalSince(now)), maxRetryAfter) }
        return nil
    }
}
