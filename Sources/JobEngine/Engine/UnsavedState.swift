import JobModel

/// What the engine has not written to the state database yet: the next save is made of it,
/// so a save costs what changed, never the whole watch list.
struct UnsavedState: Sendable {
    /// Jobs whose row changed.
    private(set) var jobs: Set<JobKey> = []
    /// The same, in the order each first changed: a new row's place in the table is its place
    /// in the watch list (another window restores the list in that order).
    private var jobOrder: [JobKey] = []
    /// Added here to the dashboards' watch list: only an add marks a row watched, so a
    /// window saving an answer never puts back a job another window removed.
    var watched: Set<JobKey> = []
    var unwatched: Set<JobKey> = []
    var events: [Transition] = []
    var resources: [ResourceKey: Resource] = [:]

    var isEmpty: Bool { jobs.isEmpty && unwatched.isEmpty && events.isEmpty && resources.isEmpty }

    /// The jobs to write, in the order they first changed.
    var jobsInOrder: [JobKey] { jobOrder.filter(jobs.contains) }

    mutating func jobChanged(_ key: JobKey) {
        if jobs.insert(key).inserted { jobOrder.append(key) }
    }

    mutating func forgetJob(_ key: JobKey) {
        jobs.remove(key)
    }

    /// A batch that was not written comes back, before what changed since.
    mutating func restore(_ batch: StateBatch) {
        let keys = batch.jobs.map(\.key)
        let written = Set(keys)
        jobOrder = keys + jobOrder.filter { jobs.contains($0) && !written.contains($0) }
        jobs.formUnion(written)
        watched.formUnion(batch.jobs.filter { $0.watched == true }.map(\.key))
        unwatched.formUnion(batch.unwatched)
        events = batch.events + events
        for saved in batch.resources where resources[saved.key] == nil { resources[saved.key] = saved.resource }
    }
}
