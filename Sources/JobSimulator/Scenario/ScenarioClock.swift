import Foundation
import JobModel

/// Scenario time runs `speed` times faster than the wall clock, from `origin`, where the
/// scenario is already `offset` seconds old: at wall time `now` it is
/// `offset + (now - origin) * speed` seconds old.
struct ScenarioClock: Sendable {
    var origin: Date
    var speed: Double
    var offset: Double = 0

    /// Scenario seconds since the scenario's start at wall time `now`.
    func elapsed(at now: Date) -> Double {
        offset + now.timeIntervalSince(origin) * speed
    }

    /// The wall time at which the scenario reaches second `t`: timestamps never lie about
    /// the wall clock, so at a speed above 1 durations shrink by that factor.
    func date(at t: Double) -> Date {
        origin.addingTimeInterval((t - offset) / speed)
    }
}
