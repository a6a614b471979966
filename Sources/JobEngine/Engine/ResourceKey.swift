import JobAPI
import JobModel

/// Where a resource lives, keyed like a job: the service it is looked up at, that service's
/// endpoint (`Endpoint.identity`), the project, the ID.
public struct ResourceKey: Sendable, Hashable, Codable, Comparable {
    public var api: LookupAPI
    public var endpoint: String
    public var projectID: String
    public var id: String

    public init(api: LookupAPI, endpoint: String, projectID: String, id: String) {
        self.api = api
        self.endpoint = endpoint
        self.projectID = projectID
        self.id = id
    }

    public static func < (a: ResourceKey, b: ResourceKey) -> Bool {
        (a.api.rawValue, a.endpoint, a.projectID, a.id) < (b.api.rawValue, b.endpoint, b.projectID, b.id)
    }
}
