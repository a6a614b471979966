import Foundation

/// How long a sub-job must last to be a straggler: past the p90 (nearest rank) of its batch,
/// each unfinished sub-job counted as lasting at least its time so far. Mid-rollout the p90 of
/// the finished alone describes whatever finished first (often fast failures) and would make
/// every running sub-job a straggler, or with fewer than three finished none at all; counted
/// this way a sub-job still running past the bar is one, and a finished batch gets the p90 of
/// its durations as before.
public struct StragglerThreshold: Sendable, Hashable {
    /// `nil`: too little is known to say what is typical.
    public let seconds: TimeInterval?

    /// `finished`: the durations of those finished; `unfinished`: the time so far of the others.
    public init(finished: [TimeInterval], unfinished: [TimeInterval]) {
        let known = DurationStats(finished + unfinished)
        // Fewer than three durations, or none of them final, say nothing about what is typical.
        seconds = known.count >= 3 && finished.contains(where: \.isFinite) ? known.p90 : nil
    }

    /// Whether a sub-job that lasted (or has lasted so far) `duration` is past the bar.
    public func isStraggler(_ duration: TimeInterval) -> Bool {
        guard let seconds else { return false }
        return duration > seconds
    }
}
