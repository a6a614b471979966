import JobModel
/// Which jobs the tree shows; `f` cycles through them in declaration order.
public enum Filter: Sendable, Hashable, CaseIterable {
    case all
    /// FAIL jobs and sub-jobs.
    case failed
    /// Jobs and sub-jobs not finished yet (INIT, RUNNING, unknown, never read).
    case running
    /// Jobs and sub-jobs the engine marks slow.
    case slow

    public var name: String {
        switch self {
        case .all: "all"
        case .failed: "failed"
        case .running: "running"
        case .slow: "slow"
        }
    }

    /// The filter after this one, wrapping round.
    public var next: Filter {
        let all = Filter.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
