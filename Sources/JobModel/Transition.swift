import Foundation

/// A change of status seen by the engine, for the event log, `wait` and notifications.
public struct Transition: Sendable, Hashable {
    public var at: Date
    public var key: JobKey
    /// The profile the job was watched through.
    public var profile: String
    /// Set when the change is a sub-job's.
    public var subJobID: String?
    public var jobType: String?
    /// `nil` the first time the job is seen.
    public var from: JobStatus?
    public var to: JobStatus
    public var reason: String?
    public var label: String?
    /// The name of the server or volume it is about, when looked up by then.
    public var resourceName: String?

    public init(at: Date, key: JobKey, profile: String, subJobID: String? = nil, jobType: String? = nil, from: JobStatus?, to: JobStatus, reason: String? = nil, label: String? = nil, resourceName: String? = nil) {
        self.at = at
        self.key = key
        self.profile = profile
        self.subJobID = subJobID
        self.jobType = jobType
        self.from = from
        self.to = to
        self.reason = reason
        self.label = label
        self.resourceName = resourceName
    }
}
