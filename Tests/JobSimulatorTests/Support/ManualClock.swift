import Foundation
import Synchronization

/// A wall clock that only moves when told: the simulator's `now` in tests.
final class ManualClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_750_000_000)) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// For `SimulatorOptions.now`.
    var function: @Sendable () -> Date { { self.now } }
}
