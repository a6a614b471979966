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

/// A small seeded generator (SplitMix64) so backoff is reproducible in tests.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
