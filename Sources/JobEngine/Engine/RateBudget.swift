import JobModel
/// The requests one credential may send to one endpoint: never more than the gateway counts.
///
/// The gateway counts requests in its own sliding minute, on its own clock, as they arrive:
/// a burst sent the moment our window frees can land in the same server minute as the one
/// before it. So the budget aims at 90 % of the quota, counts over a window 5 seconds longer
/// than a minute, and spreads requests out (a token bucket that allows a burst of a third of
/// the minute's share, then one request every `60 s / capacity`).
struct RateBudget: Sendable {
    /// When each request counted went, ascending: the window's edges are binary searches, so
    /// a budget of thousands a minute costs as little to ask as one of 30.
    private var sent: [Duration] = []
    /// `sent` before this index has left every window (dropped in bulk, not one at a time).
    private var head = 0
    private var tokens: Double
    private var refilledAt: Duration?
    /// The limit before any slow-down (`slowDown`): what it climbs back to.
    private var ceiling: Double
    /// The limit the last slow-down left, and when: the limit at any later time follows from
    /// it (`limit(at:)`), so a budget left alone climbs back without a request to move it.
    private var slowed: (limit: Double, at: Duration)?

    static let window: Duration = .seconds(60)
    /// Slack for the server's clock and for requests that arrive late.
    static let guardTime: Duration = .seconds(5)
    /// The share of the quota aimed at.
    static let margin = 0.9

    /// A slow-down halves the limit; each quiet minute after it gives back this share of the
    /// ceiling (additive increase, multiplicative decrease, as TCP shares a link).
    static let recoveryPerMinute = 0.1
    /// The lowest a slow-down goes, as a share of the ceiling: lower, on the bench's storm,
    /// starved the jobs whose failures were due (a tenth: slowest failure 75 s, not 40–50 s).
    static let floorShare = 0.25

    init(limitPerMinute: Double) {
        ceiling = max(1, limitPerMinute)
        tokens = Self.burst(limit: ceiling)
    }

    /// The limit per minute at `now`: the ceiling, or where a slow-down left it plus what the
    /// quiet minutes since have given back.
    func limit(at now: Duration) -> Double {
        guard let slowed else { return ceiling }
        let minutes = max(0, (now - slowed.at).seconds) / 60
        return min(ceiling, slowed.limit + ceiling * Self.recoveryPerMinute * minutes)
    }

    /// Requests allowed in any window: 90 % of the quota, at least one.
    func capacity(at now: Duration) -> Int { Self.capacity(limit: limit(at: now)) }

    private static func capacity(limit: Double) -> Int { max(1, Int((limit * margin).rounded(.down))) }

    /// Requests that may go at once after a quiet spell.
    private static func burst(capacity: Int) -> Double { Double(max(1, capacity / 3)) }

    private static func burst(limit: Double) -> Double { burst(capacity: capacity(limit: limit)) }

    private static func refillPerSecond(capacity: Int) -> Double { Double(capacity) / 60 }

    /// Requests counted in the (plain) minute ending now, for the header.
    func used(at now: Duration) -> Int {
        sent.count - firstSent(after: now - Self.window)
    }

    /// When each request of that minute leaves it, oldest first.
    func leavesWindow(at now: Duration) -> [Duration] {
        sent[firstSent(after: now - Self.window)...].map { $0 + Self.window }
    }

    /// When the next request may go: now, or when both the window and the spreading allow.
    func nextSlot(at now: Duration) -> Duration {
        let span = Self.window + Self.guardTime
        let first = firstSent(after: now - span)
        let inWindow = sent.count - first
        let capacity = capacity(at: now)
        var slot = now
        if inWindow >= capacity {
            // The (count - capacity + 1)-th oldest must leave the window first.
            slot = sent[first + inWindow - capacity] + span
        }
        let available = tokens(at: slot)
        if available < 1 {
            slot += .seconds((1 - available) / Self.refillPerSecond(capacity: capacity))
        }
        return slot
    }

    mutating func record(at now: Duration) {
        let span = Self.window + Self.guardTime
        head = firstSent(after: now - span)
        if head > 32, head * 2 > sent.count {
            sent.removeFirst(head)
            head = 0
        }
        // In time order: a lookup's check records planned polls out of order.
        let place = firstSent(after: now)
        if place == sent.count { sent.append(now) } else { sent.insert(now, at: place) }
        tokens = tokens(at: now) - 1
        refilledAt = now
    }

    /// The index of the first request sent after `time`.
    private func firstSent(after time: Duration) -> Int {
        var low = head
        var high = sent.count
        while low < high {
            let mid = (low + high) / 2
            if sent[mid] <= time { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private func tokens(at time: Duration) -> Double {
        guard let refilledAt else { return tokens }
        let capacity = capacity(at: time)
        return min(Self.burst(capacity: capacity), tokens + max(0, (time - refilledAt).seconds) * Self.refillPerSecond(capacity: capacity))
    }

    /// A 429 stated the gateway's quota: stay safely below it for the rest of the run.
    /// Returns whether that lowered the budget (the quota explains the 429).
    @discardableResult
    mutating func lower(belowStated stated: Double) -> Bool {
        let safe = max(1, (stated * 0.8).rounded(.down))
        guard safe < ceiling else { return false }
        ceiling = safe
        slowed = slowed.map { (min($0.limit, safe), $0.at) }
        tokens = min(tokens, Self.burst(limit: safe))
        return true
    }

    /// A 429 this budget's own rate does not explain (it was within its share: other tools
    /// spend the same quota): half the limit, at most once per window's guard (the answers
    /// of one burst are one signal), down to a quarter of the ceiling. It climbs back as the
    /// minutes pass quietly (`limit(at:)`).
    mutating func slowDown(at now: Duration) {
        if let slowed, now - slowed.at < Self.guardTime * 2 { return }
        let limit = max(1, max(ceiling * Self.floorShare, limit(at: now) / 2))
        slowed = (limit, now)
        tokens = min(tokens, Self.burst(limit: limit))
    }

    /// The limit it climbs back to, while slowed down at `now`.
    func slowedFrom(at now: Duration) -> Double? { limit(at: now) < ceiling ? ceiling : nil }

    /// Whether a request at `now` went within the budget's share: a 429 for it was not ours.
    func isWithinShare(at now: Duration) -> Bool {
        used(at: now) <= capacity(at: now)
    }

    /// Even spacing between two polls of the same job when `activeJobs` (each weighted by how
    /// often it is asked, 1 at the base interval) share `fraction` of this budget (the rest
    /// kept for name lookups while some wait). Over the window the budget counts in (a minute
    /// and its guard): spaced over a plain minute, polls that fill the budget overrun it and
    /// go later than they were promised.
    func spacing(activeJobs: Double, fraction: Double = 1, at now: Duration) -> Duration {
        (Self.window + Self.guardTime) * (max(1, activeJobs) / (Double(capacity(at: now)) * min(1, max(0.1, fraction))))
    }
}
