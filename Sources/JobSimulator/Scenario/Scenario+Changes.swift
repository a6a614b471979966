import JobModel
/// A status change that a scenario's plan makes at a fixed scenario time: what a poller should
/// see, and how soon it does, is what the engine benchmark measures.
public struct ScheduledChange: Sendable, Hashable {
    /// The top-level job.
    public var jobID: String
    /// The sub-job that changes, or `nil` when the top-level job itself does.
    public var subJobID: String?
    /// Scenario seconds from the scenario's start (negative: before the simulator started).
    public var at: Double
    /// The status entered, as its service spells it (`RUNNING`, `SUCCESS`, `FAIL`, CCE's
    /// `Running`, `Success`, `Failed`, or an undocumented one).
    public var status: String
}

extension Scenario {
    /// Every status change of every job and sub-job, in time order: leaving `INIT`, and the end
    /// of its run. A job (or sub-job) starts in `INIT` when it appears.
    public var scheduledChanges: [ScheduledChange] {
        var changes: [ScheduledChange] = []
        func add(_ plan: JobPlan, top: String, isSub: Bool) {
            let subJobID = isSub ? plan.id : nil
            changes.append(ScheduledChange(jobID: top, subJobID: subJobID, at: plan.runsFrom, status: plan.status(at: plan.runsFrom)))
            changes.append(ScheduledChange(jobID: top, subJobID: subJobID, at: plan.endsAt, status: plan.status(at: plan.endsAt)))
        }
        for job in jobs {
            add(job, top: job.id, isSub: false)
            for sub in job.subJobs { add(sub, top: job.id, isSub: true) }
        }
        return changes.sorted { $0.at < $1.at }
    }
}
