import JobAPI
import JobModel

/// The engine's bookkeeping for names: what is known (kept for the resource's life), what is
/// still to ask and when, and where lookups are off.
struct LookupBook: Sendable {
    /// Resolved resources: never asked again.
    var known: [ResourceKey: Resource] = [:]
    /// Resources still to ask, with their attempts so far.
    var pending: [ResourceKey: Attempt] = [:]
    /// The jobs naming each resource, so an answer reaches every one of them.
    var users: [ResourceKey: Set<JobKey>] = [:]
    /// Asked `maxAttempts` times without a name: left as IDs for this run.
    var abandoned: Set<ResourceKey> = []
    /// Credentials refused a lookup (403): no more lookups through them.
    var refused: [BudgetKey: String] = [:]
    /// Lookups sent per budget, the share they may take of it.
    var shares: [BudgetKey: RateBudget] = [:]
    /// Notices to show once each (a refused credential).
    var notices: [String] = []

    struct Attempt: Sendable, Hashable {
        var attempts = 0
        var dueAt: Duration
        var inFlight = false
    }

    var sizes: LookupBookSizes { LookupBookSizes(known: known.count, pending: pending.count, users: users.count, abandoned: abandoned.count) }

    /// Tries for a resource not found or not named yet, then it is left as an ID.
    static let maxAttempts = 5
    /// The share of a budget lookups may take.
    static let share = 0.2

    /// When to ask again after `attempts` misses (15 s, 30 s, 1 min, 2 min): a server being
    /// built gets its name within minutes.
    static func retryDelay(afterAttempts attempts: Int) -> Duration {
        .seconds(15 * (1 << min(max(0, attempts - 1), 4)))
    }
}

/// How many resources each part of the engine's `LookupBook` holds (tests check that it stays
/// bounded); the book itself stays internal to the engine.
package struct LookupBookSizes: Sendable, Hashable {
    package var known, pending, users, abandoned: Int
}
