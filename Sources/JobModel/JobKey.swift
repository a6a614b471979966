/// Where a job lives: the same job ID at another endpoint or in another project is another job.
///
/// The profile is not part of it: a profile is only the route (credentials, endpoint) used to
/// reach the job, and it can be edited between runs.
public struct JobKey: Sendable, Hashable, Codable, Comparable {
    /// `Endpoint.identity`: host, port and path prefix (`bms.cn-north-4.myhuaweicloud.com:443`).
    public var endpoint: String
    public var projectID: String
    public var jobID: String

    public init(endpoint: String, projectID: String, jobID: String) {
        self.endpoint = endpoint
        self.projectID = projectID
        self.jobID = jobID
    }

    /// A key of an older state file, which recorded only a profile name: its place is unknown.
    public static func unplaced(jobID: String) -> JobKey {
        JobKey(endpoint: "", projectID: "", jobID: jobID)
    }

    public var isPlaced: Bool { !endpoint.isEmpty }

    public static func < (a: JobKey, b: JobKey) -> Bool {
        (a.endpoint, a.projectID, a.jobID) < (b.endpoint, b.projectID, b.jobID)
    }
}

extension JobKey: CustomStringConvertible {
    public var description: String { isPlaced ? "\(endpoint)/\(projectID)/\(jobID)" : jobID }
}

/// A request to watch a job through a profile; the engine places it (`JobKey`).
public struct WatchEntry: Sendable, Hashable, Codable {
    /// The profile whose endpoint, project and credential reach the job.
    public var profile: String
    public var jobID: String
    /// The operator's name for it (from the config or the jobs file), if any.
    public var label: String?

    public init(profile: String, jobID: String, label: String? = nil) {
        self.profile = profile
        self.jobID = jobID
        self.label = label
    }
}
