/// At most `limit` requests in any 60-second window, for one credential.
///
/// A sliding window rather than a token bucket: the gateway counts requests per minute, so a
/// burst after a quiet minute must not go over it either.
struct RateBudget: Sendable {
    private(set) var limitPerMinute: Double
    private var sent: [Duration] = []
    static let window: Duration = .seconds(60)

    init(limitPerMinute: Double) {
        self.limitPerMinute = max(1, limitPerMinute)
    }

    private var capacity: Int { max(1, Int(limitPerMinute.rounded(.down))) }

    mutating func forget(before now: Duration) {
        sent.removeAll { $0 <= now - Self.window }
    }

    /// Requests counted in the window ending now.
    func used(at now: Duration) -> Int {
        sent.count { $0 > now - Self.window }
    }

    /// When the next request may go: now, or when the oldest request in the window leaves it.
    func nextSlot(at now: Duration) -> Duration {
        let inWindow = sent.filter { $0 > now - Self.window }
        if inWindow.count < capacity { return now }
        // The (count - capacity + 1)-th oldest must leave the window first.
        return inWindow.sorted()[inWindow.count - capacity] + Self.window
    }

    mutating func record(at now: Duration) {
        forget(before: now)
        sent.append(now)
    }

    /// A 429 stated the gateway's quota: stay safely below it for the rest of the run.
    mutating func lower(belowStated stated: Double) {
        let safe = max(1, (stated * 0.8).rounded(.down))
        limitPerMinute = min(limitPerMinute, safe)
    }

    /// Even spacing between two polls of the same job when `activeJobs` share this budget.
    func spacing(activeJobs: Int) -> Duration {
        .seconds(60.0 * Double(max(1, activeJobs)) / limitPerMinute)
    }
}
