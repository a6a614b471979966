import Foundation
import JobModel

extension Dashboard {
    /// How long the screen stays as it is if no message arrives: the driver's tick sleeps that
    /// long, so an idle dashboard does not wake up to draw the same frame. `nil`: it never
    /// changes by itself (paused: the clock is frozen with the picture).
    ///
    /// - Parameter fast: the pace while anything on screen counts seconds.
    public static func stillFor(_ model: Model, fast: Duration = .seconds(1)) -> Duration? {
        guard !model.state.isPaused else { return nil }
        let shown = model.state.displayed(model.snapshot)
        let now = model.now
        if countsSeconds(shown, now: now) { return fast }
        var wait = untilMidnight(now, model.state.zone)
        // The header's and the detail pane's ages ("poll 4m ago", "data age 4m"): the pane
        // shows the selected row's job, the only job whose age is on screen.
        let selectedJob = model.geometry.selectedNode.flatMap { $0.job < shown.jobs.count ? shown.jobs[$0.job] : nil }
        for date in [shown.lastPollAt, selectedJob?.readAt] {
            guard let date else { continue }
            wait = min(wait, ClockText.ageChanges(after: now.timeIntervalSince(date)))
        }
        // The header's "budget N/30 per min" falls as requests leave the minute.
        for budget in shown.budgets {
            if let fall = budget.nextFall(after: now) { wait = min(wait, fall.timeIntervalSince(now)) }
        }
        return max(fast, .milliseconds(Int((wait * 1000).rounded(.up))))
    }

    /// Whether a text on screen changes every second: an elapsed time still running, a
    /// throttle counting down.
    private static func countsSeconds(_ snapshot: Snapshot, now: Date) -> Bool {
        if let until = snapshot.throttledUntil, until > now { return true }
        if snapshot.subJobCounts.finished < snapshot.subJobCounts.total { return true }
        // A finished job without an end time shows its age as its elapsed time.
        return snapshot.digest.runningClocks > 0
    }

    /// Times of today read as a clock, other days' as a date: the column changes at midnight.
    private static func untilMidnight(_ now: Date, _ zone: TimeZone) -> TimeInterval {
        let local = now.timeIntervalSince1970 + TimeInterval(zone.secondsFromGMT(for: now))
        return 86400 - local.truncatingRemainder(dividingBy: 86400)
    }
}
