import Foundation

/// The transitions seen, oldest first, bounded: the engine keeps one (and saves it in the
/// state file), and the dashboard keeps the same kind, fed by the engine's transitions.
public struct EventLog: Sendable, Hashable {
    /// The log keeps this many transitions, the newest (README, "State file").
    public static let bound = 10_000

    public private(set) var entries: [Transition]
    /// Older transitions dropped over time to stay within `limit`.
    public private(set) var dropped: Int
    public let limit: Int

    public init(_ entries: [Transition] = [], dropped: Int = 0, limit: Int = EventLog.bound) {
        self.limit = max(1, limit)
        self.entries = Array(entries.suffix(self.limit))
        self.dropped = dropped + entries.count - self.entries.count
    }

    public mutating func append(contentsOf transitions: some Collection<Transition>) {
        entries.append(contentsOf: transitions)
        if entries.count > limit {
            dropped += entries.count - limit
            entries.removeFirst(entries.count - limit)
        }
    }

    public mutating func append(_ transition: Transition) {
        append(contentsOf: CollectionOfOne(transition))
    }

    /// Retention: transitions before `cutoff` leave the log (they are not counted as dropped,
    /// which means "cut for size").
    public mutating func removeOlder(than cutoff: Date) {
        entries.removeAll { $0.at < cutoff }
    }
}
