import Foundation
import JobModel

/// Times as an operator reads them: `08:09:10` today, `2026-05-01 08:09:10` otherwise,
/// with `Z` when shown in UTC.
public enum TimeText {
    public static func format(_ date: Date, timeZone: TimeZone, now: Date, full: Bool = false) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let sameDay = calendar.isDate(date, inSameDayAs: now)
        let zone = timeZone.secondsFromGMT(for: date) == 0 && timeZone.identifier.uppercased().contains("UTC") || timeZone.identifier == "GMT" ? "Z" : ""
        let time = String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        if sameDay && !full { return time + zone }
        return String(format: "%04d-%02d-%02d ", c.year ?? 0, c.month ?? 0, c.day ?? 0) + time + zone
    }
}
