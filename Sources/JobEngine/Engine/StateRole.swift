/// What an engine's jobs are to the other jobwatch processes on the state database.
public enum StateRole: Sendable, Hashable {
    /// The dashboards' shared watch list: a job added or removed in one shows in the others.
    case sharedWatchList
    /// Its own jobs only (`wait`, `get`, a stream given IDs); answers are shared all the same.
    case ownJobs
}
