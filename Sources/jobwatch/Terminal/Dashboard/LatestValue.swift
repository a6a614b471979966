import Synchronization

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
