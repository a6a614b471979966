import Foundation
import JobModel
import Testing
@testable import JobUI

/// `get`'s times and the dashboard's clock come from one formatter.
struct TimeTextTests {
    @Test func todayIsAClockOtherDaysHaveTheDateUTCHasZ() throws {
        let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let utc = try #require(TimeZone(identifier: "UTC"))
        let now = Date(timeIntervalSince1970: 1_777_622_950)  // 2026-05-01 16:09:10 in Shanghai
        #expect(TimeText.format(now.addingTimeInterval(-3600), timeZone: shanghai, now: now) == "15:09:10")
        #expect(TimeText.format(now.addingTimeInterval(-86400), timeZone: shanghai, now: now) == "2026-04-30 16:09:10")
        #expect(TimeText.format(now, timeZone: utc, now: now) == "08:09:10Z")
        #expect(TimeText.format(now, timeZone: utc, now: now, full: true) == "2026-05-01 08:09:10Z")
        #expect(TimeText.format(now, timeZone: shanghai, now: now) == ClockText.clock(now, shanghai))
    }
}
