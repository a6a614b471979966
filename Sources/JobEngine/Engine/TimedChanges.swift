import Foundation

/// The soonest moment a job's time-dependent facts may change, on the engine's clock. A fact
/// that flips just after a moment is looked at again a microsecond later at the earliest, so
/// working a job out again always moves its next look forward.
struct TimedChanges {
    let now: Duration
    let nowDate: Date
    private(set) var first: Duration?

    init(now: Duration, nowDate: Date) {
        self.now = now
        self.nowDate = nowDate
    }

    mutating func note(_ at: Duration) {
        let at = max(at, now + .microseconds(1))
        first = min(first ?? at, at)
    }

    mutating func note(_ date: Date) {
        note(now + .seconds(date.timeIntervalSince(nowDate)))
    }
}
