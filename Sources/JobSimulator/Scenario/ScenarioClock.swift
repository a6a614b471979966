import Foundation

/// Scenario time runs `speed` times faster than the wall clock, from `origin`:
/// at wall time `now`, the scenario is `(now - origin) * speed` seconds old.
struct ScenarioClock: Sendable {
    var origin: Date
    var speed: Double

    /// Scenario seconds since the origin at wall time `now`.
    func elapsed(at now: Date) -> Double {
        now.timeIntervalSince(origin) * speed
    }

    /// The timestamp a job shows for scenario second `t`.
    func date(at t: Double) -> Date {
        origin.addingTimeInterval(t)
    }
}
