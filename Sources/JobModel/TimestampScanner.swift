import Foundation

/// Reads the job times no ISO 8601 parser takes, by hand: IMS's `04-Jun-2015 18:11:06:586`
/// and CCE's Go `time.String()` `2018-08-02 08:12:40.672772389 +0000 UTC`; and the one shape
/// of nearly every body, `2019-04-25T20:04:47.591Z`, before any format style. By hand because
/// it runs for every sub-job, and a `DateFormatter` would also read month names by locale.
struct TimestampScanner {
    private let bytes: [UInt8]
    private var at = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// `DD-Mon-YYYY HH:MM:SS[:mmm]` in UTC (IMS ShowJob); `.` before the millis is accepted too.
    static func ims(_ text: String) -> Date? {
        var scan = TimestampScanner(text)
        guard let day = scan.number(digits: 1...2), scan.skip("-"),
              let month = scan.monthName(), scan.skip("-"),
              let year = scan.number(digits: 4...4), scan.skip(" "),
              let clock = scan.clock()
        else { return nil }
        var nanos = 0
        if scan.skip(":") || scan.skip(".") {
            guard let fraction = scan.fraction() else { return nil }
            nanos = fraction
        }
        guard scan.atEnd else { return nil }
        return date(year: year, month: month, day: day, clock: clock, nanos: nanos, offsetSeconds: 0)
    }

    /// `YYYY-MM-DD HH:MM:SS[.f…] ±HHMM [ZONE]` (Go's `time.String()`, trailing zeros of the
    /// fraction trimmed, so any number of digits); a monotonic `m=±…` reading is ignored.
    static func go(_ text: String) -> Date? {
        var scan = TimestampScanner(text)
        guard let year = scan.number(digits: 4...4), scan.skip("-"),
              let month = scan.number(digits: 2...2), scan.skip("-"),
              let day = scan.number(digits: 2...2), scan.skip(" "),
              let clock = scan.clock()
        else { return nil }
        var nanos = 0
        if scan.skip(".") {
            guard let fraction = scan.fraction() else { return nil }
            nanos = fraction
        }
        guard scan.skip(" "), let offset = scan.offset() else { return nil }
        if scan.skip(" ") {
            // The zone's name (`UTC`, `CST`) says nothing the offset does not.
            scan.skipWhile { $0 != UInt8(ascii: " ") }
            if scan.skip(" ") {
                guard scan.skip("m=") else { return nil }
                scan.skipWhile { _ in true }
            }
        }
        guard scan.atEnd else { return nil }
        return date(year: year, month: month, day: day, clock: clock, nanos: nanos, offsetSeconds: offset)
    }

    /// `YYYY-MM-DDTHH:MM:SS[.mmm]Z` exactly, every field in range, or `nil` (then the format
    /// styles decide). Summed from the reference date as `Date.ISO8601FormatStyle` does, so the
    /// same `Date` to the last bit; kept to the years that was checked on.
    static func isoUTC(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count == 24 || bytes.count == 20,
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[bytes.count - 1] == UInt8(ascii: "Z"),
              let year = fixedNumber(bytes, 0, 4), let month = fixedNumber(bytes, 5, 2), let day = fixedNumber(bytes, 8, 2),
              let hour = fixedNumber(bytes, 11, 2), let minute = fixedNumber(bytes, 14, 2), let second = fixedNumber(bytes, 17, 2),
              (1900...2199).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60
        else { return nil }
        var millis = 0
        if bytes.count == 24 {
            guard bytes[19] == UInt8(ascii: "."), let fraction = fixedNumber(bytes, 20, 3) else { return nil }
            millis = fraction
        }
        let seconds = daysSinceEpoch(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSinceReferenceDate: Double(seconds - 978_307_200) + Double(millis) / 1000)
    }

    private static func fixedNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<start + count {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    // MARK: - Pieces

    private var atEnd: Bool { at == bytes.count }

    private mutating func skip(_ literal: String) -> Bool {
        let wanted = Array(literal.utf8)
        guard bytes.count - at >= wanted.count, Array(bytes[at..<at + wanted.count]) == wanted else { return false }
        at += wanted.count
        return true
    }

    private mutating func skipWhile(_ keep: (UInt8) -> Bool) {
        while at < bytes.count, keep(bytes[at]) { at += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func number(digits: ClosedRange<Int>) -> Int? {
        let start = at
        var value = 0
        while at < bytes.count, Self.isDigit(bytes[at]), at - start < digits.upperBound {
            value = value * 10 + Int(bytes[at] - 0x30)
            at += 1
        }
        return digits.contains(at - start) ? value : nil
    }

    /// `HH:MM:SS`, checked.
    private mutating func clock() -> Int? {
        guard let hour = number(digits: 2...2), hour < 24, skip(":"),
              let minute = number(digits: 2...2), minute < 60, skip(":"),
              let second = number(digits: 2...2), second < 60
        else { return nil }
        return hour * 3600 + minute * 60 + second
    }

    /// One or more digits of a fraction of a second, as nanoseconds; digits past the ninth are
    /// below what a `Date` holds and are dropped.
    private mutating func fraction() -> Int? {
        let start = at
        var nanos = 0
        while at < bytes.count, Self.isDigit(bytes[at]) {
            if at - start < 9 { nanos = nanos * 10 + Int(bytes[at] - 0x30) }
            at += 1
        }
        let count = at - start
        guard count > 0 else { return nil }
        for _ in min(count, 9)..<9 { nanos *= 10 }
        return nanos
    }

    /// `+0000`, `-0700` or `+05:30`, as seconds east of UTC.
    private mutating func offset() -> Int? {
        let sign: Int
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        guard let hours = number(digits: 2...2), hours < 24 else { return nil }
        _ = skip(":")
        guard let minutes = number(digits: 2...2), minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// An English month abbreviation, any case: the API's, whatever the machine's locale.
    private mutating func monthName() -> Int? {
        guard bytes.count - at >= 3 else { return nil }
        let name = String(decoding: bytes[at..<at + 3], as: UTF8.self).lowercased()
        guard let index = Self.months.firstIndex(of: name) else { return nil }
        at += 3
        return index + 1
    }

    // MARK: - Calendar arithmetic

    private static func date(year: Int, month: Int, day: Int, clock: Int, nanos: Int, offsetSeconds: Int) -> Date? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        let seconds = daysSinceEpoch(year: year, month: month, day: day) * 86_400 + clock - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + Double(nanos) / 1e9)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
