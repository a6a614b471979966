import JobModel

/// What the engine has not written to the state database yet: the next save is made of it,
/// so a save costs what changed, never the whole watch list.
struct UnsavedState: Sendable {
    var jobs: Set<JobKey> = []
    /// Of `jobs`, those this window put on the dashboards' watch list: only they are written
    /// as watched (an answer written again must not undo another window's removal).
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
