import Foundation
import JobModel
import JobAPI
import Testing

/// Inputs found while fuzzing (scripts/fuzz) or writing its targets, that once crashed or
/// misbehaved: each stays here so the fix stays.
@Suite struct FuzzRegressionTests {
    static let now = Date(timeIntervalSince1970: 1_777_000_000)

    /// The engine turns `Retry-After` into a `Duration` of nanoseconds in an `Int64`: 10^10 s
    /// and more trapped (a crash of jobwatch on one bad header). Now it is taken as stated up to
    /// ten years (the engine waits at most 5 minutes whatever it says).
    @Test(arguments: ["10000000000", "1e300", "9223372036854775807", "Fri, 31 Dec 9999 23:59:59 GMT", "315360001"])
    func retryAfterIsBounded(_ header: String) throws {
        let seconds = try #require(HTTPDate.retryAfterSeconds(header, now: Self.now))
        #expect(seconds == HTTPDate.maxRetryAfter)
        _ = Duration.seconds(seconds)
    }

    @Test func ordinaryRetryAfterIsUnchanged() {
        #expect(HTTPDate.retryAfterSeconds("30", now: Self.now) == 30)
        #expect(HTTPDate.retryAfterSeconds("3600", now: Self.now) == 3600)
        #expect(HTTPDate.retryAfterSeconds("99999999", now: Self.now) == 99_999_999)
    }

    /// The fuzz target's invariant: a stated quota is a finite rate above zero, or none.
    @Test func quotaOfHundredsOfDigitsIsNoQuota() {
        let huge = String(repeating: "9", count: 400)
        #expect(RateLimitMessage.requestsPerMinute(in: "limit:\(huge),time:1 minute") == nil)
        #expect(RateLimitMessage.requestsPerMinute(in: "limit:\(huge),time:\(huge) seconds") == nil)
        #expect(RateLimitMessage.requestsPerMinute(in: "limit:5,time:\(huge) seconds") == nil)
        #expect(RateLimitMessage.requestsPerMinute(in: "limit:100,time:1 minute") == 100)
    }
}
