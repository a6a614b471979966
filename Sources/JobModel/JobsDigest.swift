/// What views and streams would otherwise scan every job of a snapshot for, worked out once
/// when the snapshot is made: the engine keeps it current one job at a time, so a snapshot of
/// 10,000 jobs costs its readers what is on screen, not 10,000 jobs each.
public struct JobsDigest: Sendable, Hashable {
    /// Jobs that are settled (`JobState.isSettled`).
    public var settled = 0
    /// Jobs whose shown elapsed time still runs (`JobState.hasRunningClock`).
    public var runningClocks = 0
    /// Indices of failed jobs and of jobs with a failed sub-job (`JobState.isFailing`), ascending.
    public var failing: [Int] = []
    /// Indices of jobs with a read problem (`JobState.hasReadProblem`), ascending.
    public var troubled: [Int] = []
    /// The first three profiles of the watch list, in its order, each once.
    public var profiles: [String] = []
    /// The services of the watched jobs.
    public var services: Set<Service> = []
    /// Each job's index by its key.
    public var positions: [JobKey: Int] = [:]

    public init() {}

    /// Counted from the jobs: a snapshot made by hand (tests) or from a list.
    public init(_ jobs: [JobState]) {
        positions.reserveCapacity(jobs.count)
        for (index, state) in jobs.enumerated() {
            if state.isSettled { settled += 1 }
            if state.hasRunningClock { runningClocks += 1 }
            if state.isFailing { failing.append(index) }
            if state.hasReadProblem { troubled.append(index) }
            if profiles.count < 3, !profiles.contains(state.entry.profile) { profiles.append(state.entry.profile) }
            services.insert(state.key.service)
            if positions[state.key] == nil { positions[state.key] = index }
        }
    }
}
