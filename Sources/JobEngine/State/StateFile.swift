import Foundation
import JobModel
import JobAPI

/// What is kept between runs: the watch list, the last known state of every job, the event log.
public struct StateFile: Sendable, Codable, Hashable {
    /// 2: jobs are identified by where they live (`JobKey`); 1 knew only a profile name.
    public static let currentVersion = 2

    public var version: Int
    public var savedAt: Date
    public var jobs: [SavedJob]
    /// Transitions seen, oldest first, bounded (`Engine.maxEvents`).
    public var events: [Transition]
    /// Events dropped over time to keep the log bounded.
    public var droppedEvents: Int
    /// Names looked up, kept for the resource's life; absent in files from before names.
    public var resources: [SavedResource]?

    public init(savedAt: Date, jobs: [SavedJob], events: [Transition], droppedEvents: Int = 0, resources: [SavedResource]? = nil) {
        self.version = Self.currentVersion
        self.savedAt = savedAt
        self.jobs = jobs
        self.events = events
        self.droppedEvents = droppedEvents
        self.resources = resources
    }

    private enum CodingKeys: String, CodingKey {
        case version, savedAt, jobs, events, droppedEvents, resources
    }

    /// One resolved resource and where it lives.
    public struct SavedResource: Sendable, Codable, Hashable {
        public var key: ResourceKey
        public var resource: Resource

        public init(key: ResourceKey, resource: Resource) {
            self.key = key
            self.resource = resource
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        savedAt = try container.decode(Date.self, forKey: .savedAt)
        jobs = try container.decode([SavedJob].self, forKey: .jobs)
        events = try container.decode([Transition].self, forKey: .events)
        droppedEvents = try container.decodeIfPresent(Int.self, forKey: .droppedEvents) ?? 0
        resources = try container.decodeIfPresent([SavedResource].self, forKey: .resources)
    }

    /// Always written in the current format, whatever version it was read from.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.currentVersion, forKey: .version)
        try container.encode(savedAt, forKey: .savedAt)
        try container.encode(jobs, forKey: .jobs)
        try container.encode(events, forKey: .events)
        try container.encode(droppedEvents, forKey: .droppedEvents)
        try container.encodeIfPresent(resources, forKey: .resources)
    }

    public struct SavedJob: Sendable, Codable, Hashable {
        public var profile: String
        public var jobID: String
        /// Where the job lives; `nil` in a version-1 file, which recorded only the profile.
        public var key: JobKey?
        public var label: String?
        public var job: Job?
        public var readAt: Date?

        public init(profile: String, key: JobKey?, jobID: String, label: String?, job: Job?, readAt: Date?) {
            self.profile = profile
            self.key = key
            self.jobID = jobID
            self.label = label
            self.job = job
            self.readAt = readAt
        }

        private enum CodingKeys: String, CodingKey {
            case profile, jobID, key, label, job, readAt, entry
        }

        /// Version 1: `{"entry": {"key": {"profile", "jobID"}, "label"}, "job", "readAt"}`.
        private struct OldEntry: Decodable {
            struct Key: Decodable {
                var profile: String
                var jobID: String
            }
            var key: Key
            var label: String?
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let old = try container.decodeIfPresent(OldEntry.self, forKey: .entry) {
                profile = old.key.profile
                jobID = old.key.jobID
                key = nil
                label = old.label
            } else {
                profile = try container.decode(String.self, forKey: .profile)
                jobID = try container.decode(String.self, forKey: .jobID)
                key = try container.decodeIfPresent(JobKey.self, forKey: .key)
                label = try container.decodeIfPresent(String.self, forKey: .label)
            }
            job = try container.decodeIfPresent(Job.self, forKey: .job)
            readAt = try container.decodeIfPresent(Date.self, forKey: .readAt)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(profile, forKey: .profile)
            try container.encode(jobID, forKey: .jobID)
            try container.encodeIfPresent(key, forKey: .key)
            try container.encodeIfPresent(label, forKey: .label)
            try container.encodeIfPresent(job, forKey: .job)
            try container.encodeIfPresent(readAt, forKey: .readAt)
        }
    }

    /// Drops finished jobs last read before `cutoff`, so the file stays bounded over weeks.
    public func retaining(after cutoff: Date) -> StateFile {
        var copy = self
        copy.retain(after: cutoff)
        return copy
    }

    /// The same, in place: a file of 100k jobs is not copied to be trimmed.
    public mutating func retain(after cutoff: Date) {
        jobs.removeAll { Retention.isExpired($0.job, readAt: $0.readAt, cutoff: cutoff) }
        let before = events.count
        events.removeAll { $0.at < cutoff }
        droppedEvents += before - events.count
    }
}
