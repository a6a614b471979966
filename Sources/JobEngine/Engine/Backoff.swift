import JobModel
/// Exponential backoff with full jitter (AWS architecture blog): a random wait in
/// `0 ... min(cap, base · 2^attempt)`, so many clients retrying at once spread out.
struct Backoff: Sendable {
    var base: Duration = .seconds(2)
    var cap: Duration = .seconds(60)
    /// Never retry sooner than this, even when the jitter draws near zero.
    var floor: Duration = .milliseconds(500)

    func delay(attempt: Int, random: inout some RandomNumberGenerator) -> Duration {
        let exponent = min(max(0, attempt), 20)
        let ceiling = min(cap.seconds, base.seconds * Double(1 << exponent))
        return .seconds(max(floor.seconds, Double.random(in: 0...ceiling, using: &random)))
    }
}
