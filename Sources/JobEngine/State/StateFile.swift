import Foundation
import JobAPI

/// What is kept between runs: the watch list, the last known state of every job, the event log.
public struct StateFile: Sendable, Codable, Hashable {
    public static let currentVersion = 1

    public var version: Int
    public var savedAt: Date
    public var jobs: [SavedJob]
    /// Transitions seen, oldest first, bounded.
    public var events: [Transition]

    public init(savedAt: Date, jobs: [SavedJob], events: [Transition]) {
        self.version = Self.currentVersion
        self.savedAt = savedAt
        self.jobs = jobs
        self.events = events
    }

    public struct SavedJob: Sendable, Codable, Hashable {
        public var entry: WatchEntry
        public var job: Job?
        public var readAt: Date?

        public init(entry: WatchEntry, job: Job?, readAt: Date?) {
            self.entry = entry
            self.job = job
            self.readAt = readAt
        }
    }

    /// Drops finished jobs last read before `cutoff`, so the file stays bounded over weeks.
    public func retaining(after cutoff: Date) -> StateFile {
        var copy = self
        copy.jobs = jobs.filter { saved in
            guard let job = saved.job, job.status.isTerminal else { return true }
            return (job.endTime ?? saved.readAt ?? .distantPast) >= cutoff
        }
        copy.events = events.filter { $0.at >= cutoff }
        return copy
    }
}
