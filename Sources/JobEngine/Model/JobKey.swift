/// Identifies a watched job: the same job ID under two profiles (regions, accounts) is two jobs.
public struct JobKey: Sendable, Hashable, Codable, Comparable {
    public var profile: String
    public var jobID: String

    public init(profile: String, jobID: String) {
        self.profile = profile
        self.jobID = jobID
    }

    public static func < (a: JobKey, b: JobKey) -> Bool {
        (a.profile, a.jobID) < (b.profile, b.jobID)
    }
}

extension JobKey: CustomStringConvertible {
    public var description: String { "\(profile)/\(jobID)" }
}

/// An entry of the watch list.
public struct WatchEntry: Sendable, Hashable, Codable {
    public var key: JobKey
    /// The operator's name for it (from the config or the jobs file), if any.
    public var label: String?

    public init(key: JobKey, label: String? = nil) {
        self.key = key
        self.label = label
    }
}
