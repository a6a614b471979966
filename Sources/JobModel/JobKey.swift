/// Where a job lives: the same job ID of another service, at another endpoint or in another
/// project is another job.
///
/// The profile is not part of it: a profile is only the route (credentials, endpoint) used to
/// reach the job, and it can be edited between runs.
public struct JobKey: Sendable, Hashable, Comparable {
    public var service: Service
    /// `Endpoint.identity`: host, port and path prefix (`bms.cn-north-4.myhuaweicloud.com:443`).
    public var endpoint: String
    public var projectID: String
    public var jobID: String

    public init(service: Service = .bms, endpoint: String, projectID: String, jobID: String) {
        self.service = service
        self.endpoint = endpoint
        self.projectID = projectID
        self.jobID = jobID
    }

    /// A key of an older state file, which recorded only a profile name: its place is unknown.
    public static func unplaced(jobID: String, service: Service = .bms) -> JobKey {
        JobKey(service: service, endpoint: "", projectID: "", jobID: jobID)
    }

    public var isPlaced: Bool { !endpoint.isEmpty }

    public static func < (a: JobKey, b: JobKey) -> Bool {
        (a.service.name, a.endpoint, a.projectID, a.jobID) < (b.service.name, b.endpoint, b.projectID, b.jobID)
    }
}

extension JobKey: Codable {
    private enum CodingKeys: String, CodingKey {
        case service, endpoint, projectID, jobID
    }

    /// Keys written before services were known have no `service`: they were all BMS. (The
    /// encoding is synthesised.)
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        service = try container.decodeIfPresent(Service.self, forKey: .service) ?? .bms
        endpoint = try container.decode(String.self, forKey: .endpoint)
        projectID = try container.decode(String.self, forKey: .projectID)
        jobID = try container.decode(String.self, forKey: .jobID)
    }
}

extension JobKey: CustomStringConvertible {
    public var description: String { isPlaced ? "\(service.name):\(endpoint)/\(projectID)/\(jobID)" : "\(service.name)/\(jobID)" }
}

/// A request to watch a job through a profile; the engine places it (`JobKey`).
public struct WatchEntry: Sendable, Hashable, Codable {
    /// The profile whose endpoint, project and credential reach the job.
    public var profile: String
    public var jobID: String
    /// Its service, when not the profile's (`ecs/ID` on the command line).
    public var service: Service?
    /// The operator's name for it (from the config or the jobs file), if any.
    public var label: String?

    public init(profile: String, jobID: String, service: Service? = nil, label: String? = nil) {
        self.profile = profile
        self.jobID = jobID
        self.service = service
        self.label = label
    }
}
