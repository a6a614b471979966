import JobModel

/// The three ways a resource is looked up (SERVICES.md §8), each at its own service's host.
public enum LookupAPI: String, Sendable, Hashable, Codable, CaseIterable {
    /// `GET /v1/{project_id}/cloudservers/detail?server_id=…`, or one server by its path.
    case ecsServers
    /// `GET /v1/{project_id}/baremetalservers/{server_id}`, or pages of its list
    /// (`…/baremetalservers/detail?limit=1000&offset=PAGE`), which has no ID filter.
    case bmsServer
    /// `GET /v2/{project_id}/cloudvolumes/detail?ids=[…]`, or one volume by its path.
    case evsVolumes

    /// How an entity of a job of `service` is looked up: BMS servers at BMS, every other
    /// server at ECS, every volume at EVS.
    public static func forEntity(_ kind: Resource.Kind, of service: Service) -> LookupAPI {
        switch kind {
        case .volume: .evsVolumes
        case .server: service == .bms ? .bmsServer : .ecsServers
        }
    }

    public var service: Service {
        switch self {
        case .ecsServers: .ecs
        case .bmsServer: .bms
        case .evsVolumes: .evs
        }
    }

    public var kind: Resource.Kind {
        self == .evsVolumes ? .volume : .server
    }

    /// IDs one request may carry: the documented 100 (ECS) and 60 (EVS); for BMS, a page of
    /// its list (the documented largest, 1000 servers).
    public var batchLimit: Int {
        switch self {
        case .ecsServers: 100
        case .bmsServer: 1000
        case .evsVolumes: 60
        }
    }
}
