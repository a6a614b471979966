import JobModel
import JobEngine
import Synchronization

/// Everything that can change what the dashboard shows: the loop handles these one at a time.
enum DashboardMessage: Sendable {
    case terminal(TerminalEvent)
    /// The engine published a snapshot: the newest waits in the loop's `LatestValue`.
    case snapshot
    case transition(Transition)
    /// Elapsed times and ages moved on.
    case tick
    /// Adding a job finished; `problem` is why it failed.
    case added(jobID: String, problem: String?)
    /// Render once the messages queued before this one are handled: a burst of transitions or
    /// a paste becomes one frame.
    case render
}

/// Holds only the newest value: a slow screen skips snapshots instead of falling behind.
final class LatestValue<Value: Sendable>: Sendable {
    private let slot = Mutex<Value?>(nil)

    /// Stores `value`; `true` when the slot was empty (the reader must be told).
    func put(_ value: Value) -> Bool {
        slot.withLock { slot in
            defer { slot = value }
            return slot == nil
        }
    }

    func take() -> Value? {
        slot.withLock { slot in
            defer { slot = nil }
            return slot
        }
    }
}
