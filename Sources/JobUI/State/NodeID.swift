import JobModel

/// The identity of a row of the tree, stable across snapshots: the selection follows it.
public enum NodeID: Sendable, Hashable {
    /// A watched (top-level) job.
    case job(JobKey)
    /// A sub-job of a batch: its ID, or `#<index>` when the API gave none.
    case subJob(JobKey, String)
    /// An entity (`server_id`, `nic_id`, …) of a job (`subJob == nil`) or of a sub-job.
    case entity(JobKey, subJob: String?, key: String)

    /// The watched job this row belongs to.
    public var jobKey: JobKey {
        switch self {
        case .job(let key), .subJob(let key, _), .entity(let key, _, _): key
        }
    }
}
