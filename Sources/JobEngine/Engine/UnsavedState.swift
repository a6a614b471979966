import JobModel

/// What the engine has not written to the state database yet: the next save is made of it,
/// so a save costs what changed, never the whole watch list.
struct UnsavedState: Sendable {
    var jobs: Set<JobKey> = []
    /// Added here to the dashboards' watch list: only an add marks a row watched, so a
    /// window saving an answer never puts back a job another window removed.
    var watched: Set<JobKey> = []
    var unwatched: Set<JobKey> = []
    var events: [Transition] = []
    var resources: [ResourceKey: Resource] = [:]

    var isEmpty: Bool { jobs.isEmpty && unwatched.isEmpty && events.isEmpty && resources.isEmpty }

    /// A batch that was not written comes back, before what changed since.
    mutating func restore(_ batch: StateBatch) {
        jobs.formUnion(batch.jobs.map(\.key))
        watched.formUnion(batch.jobs.filter { $0.watched == true }.map(\.key))
        unwatched.formUnion(batch.unwatched)
        events = batch.events + events
        for saved in batch.resources where resources[saved.key] == nil { resources[saved.key] = saved.resource }
    }
}
