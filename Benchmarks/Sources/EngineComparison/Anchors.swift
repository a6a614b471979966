import JobSimulator

/// The two anchors a poller is read against, computed from the scenario's plan (no HTTP):
/// the physical limit and the estimated reach of a poller that knows only durations.
struct Anchors {
    /// A poller that knows every end time: one request when each job appears and one per
    /// moment a job of it changes; every change seen at once.
    var clairvoyant: Int
    /// A poller that knows how long such jobs and sub-jobs take (the spread of their starts
    /// and ends) but not when each one comes: it must cover each spread with polls `delay`
    /// apart to see 90 % of the changes within `delay` (Benchmarks/RESULTS.md, "the bound").
    var durationsOnly: Int

    /// - Parameters:
    ///   - changes: the changes the ledger tracks (after the start, within the horizon).
    ///   - created: when each top-level job appears (scenario seconds).
    ///   - delay: the delay the bound is held to (the fixed poller's p90).
    init(changes: [ScheduledChange], created: [String: Double], delay: Double) {
        let byJob = Dictionary(grouping: changes, by: \.jobID)
        clairvoyant = created.count + byJob.reduce(0) { sum, job in
            sum + Set(job.value.map(\.at)).subtracting([max(0, created[job.key] ?? 0)]).count
        }
        // One group per job and kind of change (leaving INIT, ending): a spread of several
        // changes costs 0.9 × spread ÷ delay polls, a lone change (its duration known) one.
        var bound = created.count
        for (_, list) in byJob {
            let groups = Dictionary(grouping: list) { JobStatusWords.isStart($0.status) }
            for group in groups.values {
                let times = group.map(\.at)
                let spread = (times.max() ?? 0) - (times.min() ?? 0)
                bound += max(1, Int((0.9 * spread / delay).rounded(.up)))
            }
        }
        durationsOnly = bound
    }
}

/// Which of a scenario's statuses mean "left INIT" rather than "ended".
enum JobStatusWords {
    static func isStart(_ status: String) -> Bool {
        ["RUNNING", "Running", "3", "PROCESSING"].contains(status)
    }
}
