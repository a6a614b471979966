import JobModel
/// Which jobs the tree shows; `f` cycles through them in declaration order.
public enum Filter: Sendable, Hashable {
    case all
    /// FAIL jobs and sub-jobs.
    case failed
    /// Jobs and sub-jobs not finished yet (INIT, RUNNING, unknown, never read).
    case running
    /// Jobs and sub-jobs the engine marks slow.
    case slow
    /// The jobs of one service, whole (offered once a watch has more than one service).
    case service(Service)

    public var name: String {
        switch self {
        case .all: "all"
        case .failed: "failed"
        case .running: "running"
        case .slow: "slow"
        case .service(let service): service.tag
        }
    }

    /// Whether it picks sub-jobs one by one (a service filter takes a job whole).
    public var picksSubJobs: Bool {
        switch self {
        case .failed, .running, .slow: true
        case .all, .service: false
        }
    }

    /// The filter after this one, wrapping round: all, failed, running, slow, then each of
    /// the watched services when there are several.
    public func next(services: [Service]) -> Filter {
        let cycle: [Filter] = [.all, .failed, .running, .slow] + (services.count > 1 ? services.map(Filter.service) : [])
        guard let index = cycle.firstIndex(of: self) else { return .all }
        return cycle[(index + 1) % cycle.count]
    }
}
