import Foundation
import JobModel

/// What may be sent now, for polls and name lookups alike: each credential's budget at each
/// endpoint, each host's throttle (a 429) and requests in flight, and the stopped credentials
/// and routes. A value, so its rules are tested without an engine (as `PollPolicy`'s are).
struct RequestGate: Sendable {
    struct Throttle: Sendable, Hashable {
        var until: Duration
        var attempts: Int
        /// The server's `Retry-After`, when it gave one (it may be far longer than `until`).
        var askedFor: TimeInterval?
    }

    /// Requests in flight at once per host.
    let maxConcurrencyPerHost: Int
    /// A budget's limit per minute when no profile states one.
    let defaultLimit: Double
    /// The lowest `requests_per_minute` of the profiles sharing a budget (the gateway's quota
    /// is the same for all of them).
    private let statedLimits: [BudgetKey: Double]

    private(set) var budgets: [BudgetKey: RateBudget] = [:]
    private(set) var throttles: [String: Throttle] = [:]
    private(set) var inFlight: [String: Int] = [:]
    /// Credentials refused by the server (401/403) and routes that cannot work as configured
    /// (a certificate not trusted, a proxy login refused): never retried on their own.
    private(set) var stops: [StopKey: PollStop] = [:]
    /// Counts changes of `stops`: what depends on them (every job's health) looks again.
    private(set) var stopsChanged = 0

    init(routes: [JobRoute], defaultLimit: Double, maxConcurrencyPerHost: Int) {
        var stated: [BudgetKey: Double] = [:]
        for route in routes {
            guard let limit = route.profile.requestsPerMinute else { continue }
            stated[route.budgetKey] = min(stated[route.budgetKey] ?? limit, limit)
        }
        statedLimits = stated
        self.defaultLimit = defaultLimit
        self.maxConcurrencyPerHost = maxConcurrencyPerHost
    }

    // MARK: - Asking

    /// A budget as it stands now.
    func budget(_ key: BudgetKey) -> RateBudget {
        budgets[key] ?? RateBudget(limitPerMinute: statedLimits[key] ?? defaultLimit)
    }

    /// The stop that holds a route: its credential's, or its own.
    func stop(of route: JobRoute) -> PollStop? {
        stops[route.credentialStop] ?? stops[route.networkStop]
    }

    /// A stop of a budget, for the header: the credential's, else any route's.
    func stopReason(of key: BudgetKey) -> String? {
        (stops[StopKey(budget: key, network: nil)] ?? stops.first { $0.key.budget == key }?.value)?.reason
    }

    /// When the host's throttle lets requests go again; `nil` when it does now.
    func throttledUntil(_ host: String, now: Duration) -> Duration? {
        guard let throttle = throttles[host], throttle.until > now else { return nil }
        return throttle.until
    }

    /// The latest throttle still in force, of any host.
    func longestThrottle(now: Duration) -> Throttle? {
        throttles.values.filter { $0.until > now }.max { $0.until < $1.until }
    }

    /// When a poll due at `due` may start on `route`: after the host's throttle and the next
    /// slot of its budget. `nil`: stopped, not until the operator asks.
    func earliestStart(on route: JobRoute, due: Duration, now: Duration) -> Duration? {
        if stop(of: route) != nil { return nil }
        var start = due
        if let until = throttledUntil(route.host, now: now) { start = max(start, until) }
        return max(start, budget(route.budgetKey).nextSlot(at: now))
    }

    /// Whether another request may be in flight to the host.
    func hasRoom(at host: String) -> Bool {
        inFlight[host, default: 0] < maxConcurrencyPerHost
    }

    // MARK: - Recording

    /// Requests that go now: `cost` of the budget, one more in flight at the host.
    mutating func begin(on route: JobRoute, cost: Int = 1, now: Duration) {
        changeBudget(route.budgetKey) { budget in
            for _ in 0..<cost { budget.record(at: now) }
        }
        inFlight[route.host, default: 0] += 1
    }

    /// A request to the host is over (answered, failed or cancelled).
    mutating func end(at host: String) {
        inFlight[host, default: 1] -= 1
    }

    /// A good answer from the host: the next throttle starts its backoff afresh.
    mutating func answered(by host: String) {
        throttles[host]?.attempts = 0
    }

    /// A 429: the host waits `retryAfter`, else a backoff growing with each throttle in a row.
    /// Returns until when.
    mutating func throttle(_ host: String, retryAfter: Duration?, askedFor: TimeInterval?, backoff: Backoff, random: inout SeededRandom, now: Duration) -> Duration {
        var throttle = throttles[host] ?? Throttle(until: now, attempts: 0)
        throttle.attempts += 1
        let wait = retryAfter ?? backoff.delay(attempt: throttle.attempts, random: &random)
        throttle.askedFor = askedFor
        throttle.until = max(throttle.until, now + wait)
        throttles[host] = throttle
        return throttle.until
    }

    /// The server stated a lower rate limit than the budget's: the budget goes below it.
    /// Returns whether it did.
    @discardableResult
    mutating func lower(_ key: BudgetKey, belowStated stated: Double) -> Bool {
        changeBudget(key) { $0.lower(belowStated: stated) }
    }

    /// A 429 the budget's own rate does not explain: it slows down (`RateBudget.slowDown`).
    mutating func slowDown(_ key: BudgetKey, now: Duration) {
        changeBudget(key) { $0.slowDown(at: now) }
    }

    /// A budget as it stands (`budget(_:)`, the default until first used) changed and kept.
    private mutating func changeBudget<T>(_ key: BudgetKey, _ change: (inout RateBudget) -> T) -> T {
        var changed = budget(key)
        let result = change(&changed)
        budgets[key] = changed
        return result
    }

    mutating func stop(_ key: StopKey, _ stop: PollStop) {
        stops[key] = stop
        stopsChanged += 1
    }

    /// The operator asked again: the budget's stops are lifted for one more try. Returns
    /// whether there were any.
    mutating func clearStops(of key: BudgetKey) -> Bool {
        let cleared = stops.keys.filter { $0.budget == key }
        for stopKey in cleared { stops[stopKey] = nil }
        if !cleared.isEmpty { stopsChanged += 1 }
        return !cleared.isEmpty
    }
}
