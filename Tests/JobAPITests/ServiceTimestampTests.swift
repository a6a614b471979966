import Foundation
import Testing
import JobModel

/// The times IMS and CCE write, besides ISO 8601 (`DecodingTests` covers that).
struct ServiceTimestampTests {
    static func at(_ seconds: Int, _ fraction: Double = 0) -> Date {
        Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    // 2015-06-04T18:11:06Z
    static let imsSecond = 1_433_441_466

    @Test(arguments: [
        ("04-Jun-2015 18:11:06:586", at(imsSecond, 0.586)),
        ("04-JUN-2015 18:11:06:586", at(imsSecond, 0.586)),
        ("04-jun-2015 18:11:06:586", at(imsSecond, 0.586)),
        ("4-Jun-2015 18:11:06:586", at(imsSecond, 0.586)),
        ("04-Jun-2015 18:11:06.586", at(imsSecond, 0.586)),
        ("04-Jun-2015 18:11:06:5", at(imsSecond, 0.5)),
        ("04-Jun-2015 18:11:06:58", at(imsSecond, 0.58)),
        ("04-Jun-2015 18:11:06", at(imsSecond)),
        ("  04-Jun-2015 18:11:06:586 ", at(imsSecond, 0.586)),
        ("29-Feb-2016 00:00:00:000", at(1_456_704_000)),
        ("31-Dec-1969 23:59:59:999", at(-1, 0.999)),
    ])
    func imsTimes(_ text: String, _ expected: Date) {
        #expect(JobTimestamp.parse(text) == expected)
    }

    @Test func anIMSTimeIsWrittenBackAsISO() throws {
        let date = try #require(JobTimestamp.parse("04-Jun-2015 18:11:06:586"))
        #expect(JobTimestamp.format(date) == "2015-06-04T18:11:06.586Z")
    }

    // 2018-08-02T08:12:40Z
    static let goSecond = 1_533_197_560

    @Test(arguments: [
        ("2018-08-02 08:12:40.672772389 +0000 UTC", at(goSecond, 0.672772389)),
        ("2018-08-02 08:12:40.67277238 +0000 UTC", at(goSecond, 0.67277238)),
        ("2018-08-02 08:12:40.6727723 +0000 UTC", at(goSecond, 0.6727723)),
        ("2018-08-02 08:12:40.67277 +0000 UTC", at(goSecond, 0.67277)),
        ("2018-08-02 08:12:40.6 +0000 UTC", at(goSecond, 0.6)),
        ("2018-08-02 08:12:40 +0000 UTC", at(goSecond)),
        ("2018-08-02 08:12:40.672772389 +0000", at(goSecond, 0.672772389)),
        ("2018-08-02 16:12:40.5 +0800 CST", at(goSecond, 0.5)),
        ("2018-08-02 01:12:40 -0700 MST", at(goSecond)),
        ("2018-08-02 13:42:40 +05:30 IST", at(goSecond)),
        ("2018-08-02 08:12:40.672772389 +0000 UTC m=+0.000123457", at(goSecond, 0.672772389)),
        ("2018-08-02 08:12:40.6727723891234 +0000 UTC", at(goSecond, 0.672772389)),
    ])
    func goTimes(_ text: String, _ expected: Date) {
        #expect(JobTimestamp.parse(text) == expected)
    }

    @Test(arguments: [
        "31-Feb-2015 18:11:06:586", "04-Foo-2015 18:11:06:586", "04-Jun-15 18:11:06:586", "04-Jun-2015 24:11:06:586",
        "04-Jun-2015 18:11:06:", "04-Jun-2015 18:11:06:586 extra", "04-Juni-2015 18:11:06",
        "2018-08-02 08:12:40. +0000 UTC", "2018-08-02 08:12:40.67 +000 UTC", "2018-08-02 08:12:40.67 +2400 UTC",
        "2018-02-30 08:12:40 +0000 UTC", "2018-08-02 08:61:40 +0000 UTC", "2018-08-02 08:12:40 +0000 UTC junk",
        "2018-8-2 08:12:40 +0000 UTC",
    ])
    func rejectsBrokenServiceTimes(_ text: String) {
        #expect(JobTimestamp.parse(text) == nil)
    }

    @Test func manyTimesParseAlike() {
        // Every sub-job's two times go through here, so no state may carry from one call to the
        // next. (How fast is the Decode benchmark's to say: a time bound here failed a loaded
        // CI run, and speed goals live in benchmarks.)
        let go = JobTimestamp.parse("2018-08-02 08:12:40.672772389 +0000 UTC")
        let ims = JobTimestamp.parse("04-Jun-2015 18:11:06:586")
        #expect(go != nil && ims != nil)
        for _ in 0..<2_000 {
            #expect(JobTimestamp.parse("2018-08-02 08:12:40.672772389 +0000 UTC") == go)
            #expect(JobTimestamp.parse("04-Jun-2015 18:11:06:586") == ims)
        }
    }
}
