import Foundation
import JobModel

/// Dates and durations as short text, computed by arithmetic (no formatter objects per frame).
enum ClockText {
    /// `20:04:34` in `zone`.
    static func clock(_ date: Date, _ zone: TimeZone) -> String {
        let parts = civil(date, zone)
        return "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
    }

    /// `2019-04-25` in `zone`.
    static func day(_ date: Date, _ zone: TimeZone) -> String {
        let parts = civil(date, zone)
        return "\(parts.year)-\(two(parts.month))-\(two(parts.day))"
    }

    /// `2019-04-25 20:04:34 +08:00` in `zone`.
    static func dateTime(_ date: Date, _ zone: TimeZone) -> String {
        let parts = civil(date, zone)
        let offset = zone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return "\(parts.year)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) \(sign)\(two(minutes / 60)):\(two(minutes % 60))"
    }

    /// `2019-04-25T20:04:34Z`.
    static func iso(_ date: Date) -> String {
        let parts = civil(date, TimeZone(identifier: "UTC")!)
        return "\(parts.year)-\(two(parts.month))-\(two(parts.day))T\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))Z"
    }

    /// `12s`, `4m07s`, `1h02m`, `3d04h`.
    static func duration(_ seconds: TimeInterval) -> String {
        guard seconds.isFinite else { return "?" }
        let s = max(0, Int(seconds.rounded(.down)))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(two(s % 60))s" }
        if s < 86400 { return "\(s / 3600)h\(two(s % 3600 / 60))m" }
        return "\(s / 86400)d\(two(s % 86400 / 3600))h"
    }

    /// How long ago, coarser with age so that the screen can stay still: `12s`, then whole
    /// minutes (`4m`), then `1h02m`, `3d04h`.
    static func age(_ seconds: TimeInterval) -> String {
        guard seconds.isFinite else { return "?" }
        let s = max(0, Int(seconds.rounded(.down)))
        if s >= 60, s < 3600 { return "\(s / 60)m" }
        return duration(seconds)
    }

    /// Seconds until `age(seconds)` next reads differently.
    static func ageChanges(after seconds: TimeInterval) -> TimeInterval {
        guard seconds.isFinite else { return .infinity }
        let s = max(0, seconds)
        let step: TimeInterval = s < 60 ? 1 : (s < 86400 ? 60 : 3600)
        return step - s.truncatingRemainder(dividingBy: step)
    }

    private static func two(_ n: Int) -> String {
        n < 10 ? "0\(n)" : "\(n)"
    }

    private struct Civil {
        var year, month, day, hour, minute, second: Int
    }

    /// Calendar fields of `date` in `zone` (days-from-civil inverse, proleptic Gregorian).
    private static func civil(_ date: Date, _ zone: TimeZone) -> Civil {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        var days = local / 86400
        var secondsOfDay = local % 86400
        if secondsOfDay < 0 {
            secondsOfDay += 86400
            days -= 1
        }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return Civil(year: year, month: month, day: day, hour: secondsOfDay / 3600, minute: secondsOfDay % 3600 / 60, second: secondsOfDay % 60)
    }
}
