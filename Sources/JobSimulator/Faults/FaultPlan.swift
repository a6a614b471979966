import JobModel
/// Which requests the simulator answers badly, and how. Decisions are deterministic (every Nth
/// request, or a seeded draw per request number), so tests are reproducible.
public struct FaultPlan: Sendable, Hashable {
    /// One way of answering badly.
    public enum Fault: Sendable, Hashable {
        /// 429 `APIGW.0308` with `Retry-After` (seconds).
        case throttle(retryAfter: Int)
        /// 5xx (e.g. 502, 503) with an HTML body, as a proxy sends it.
        case serverError(status: Int)
        /// Answer normally, after this long (wall time).
        case slow(Duration)
        /// Close the connection in the middle of the answer.
        case drop
        /// 200 with an HTML page (a captive portal or a misrouted proxy).
        case html
        /// 200 with JSON cut off halfway.
        case truncated
        /// 200 with a job padded to `FaultPlan.hugeBodyBytes` (over the client's 8 MiB limit).
        case huge
        /// 403 to name lookups (servers, volumes) only: a credential allowed to read jobs but
        /// not servers. Job requests are answered normally.
        case lookupForbidden
    }

    /// When a fault applies.
    public enum Trigger: Sendable, Hashable {
        /// Requests number N, 2N, 3N, … (counting every request the simulator receives from 1).
        case every(Int)
        /// Each request with this probability, drawn from a generator seeded with the request number.
        case probability(Double)
        case always
    }

    public struct Rule: Sendable, Hashable {
        public var fault: Fault
        public var trigger: Trigger
        public init(_ fault: Fault, _ trigger: Trigger) {
            self.fault = fault
            self.trigger = trigger
        }
    }

    /// Checked in order; the first rule that triggers wins.
    public var rules: [Rule]
    /// Seeds probability draws.
    public var seed: UInt64

    public init(_ rules: [Rule] = [], seed: UInt64 = 1) {
        self.rules = rules
        self.seed = seed
    }

    /// The size of a `huge` answer: 9 MiB, over the 8 MiB a client should accept.
    public static let hugeBodyBytes = 9 * 1024 * 1024

    /// No faults: every request answered properly.
    public static let none = FaultPlan()

    /// The fault for request number `sequence` (1-based), if any.
    func fault(forRequest sequence: Int) -> Fault? {
        for (index, rule) in rules.enumerated() {
            switch rule.trigger {
            case .always:
                return rule.fault
            case .every(let n):
                if n > 0, sequence % n == 0 { return rule.fault }
            case .probability(let p):
                let draw = SeededRandom.mix(seed &+ UInt64(truncatingIfNeeded: sequence) &* 0x1_0000_0001 &+ UInt64(index))
                if Double(draw >> 11) / Double(1 << 53) < p { return rule.fault }
            }
        }
        return nil
    }
}
