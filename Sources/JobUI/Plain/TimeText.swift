import Foundation

/// Times as an operator reads them in `get`'s tree: `08:09:10` today, `2026-05-01 08:09:10`
/// otherwise, with `Z` when shown in UTC. Built on the dashboard's `ClockText`.
public enum TimeText {
    public static func format(_ date: Date, timeZone: TimeZone, now: Date, full: Bool = false) -> String {
        let isUTC = timeZone.secondsFromGMT(for: date) == 0 && (timeZone.identifier.uppercased().contains("UTC") || timeZone.identifier == "GMT")
        let zone = isUTC ? "Z" : ""
        let time = ClockText.clock(date, timeZone)
        let day = ClockText.day(date, timeZone)
        if day == ClockText.day(now, timeZone) && !full { return time + zone }
        return "\(day) \(time)\(zone)"
    }
}
