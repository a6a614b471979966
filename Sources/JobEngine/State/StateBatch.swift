import Foundation
import JobModel

/// What changed since the last save: written in one transaction, so a save costs what
/// changed (a job's row, its changed sub-jobs, new events), never the whole state.
public struct StateBatch: Sendable {
    /// A job's row as it is now.
    public struct JobRow: Sendable, Hashable {
        public var key: JobKey
        public var profile: String
        public var label: String?
        public var job: Job?
        public var readAt: Date?
        /// In the dashboards' shared watch list; `nil` leaves what the database says.
        public var watched: Bool?
        /// The budget (credential at endpoint) the answer was read with: another credential's
        /// window does not take it for its own.
        public var readBy: String?

        public init(key: JobKey, profile: String, label: String?, job: Job?, readAt: Date?, watched: Bool?, readBy: String? = nil) {
            self.readBy = readBy
            self.key = key
            self.profile = profile
            self.label = label
            self.job = job
            self.readAt = readAt
            self.watched = watched
        }
    }

    public var jobs: [JobRow] = []
    /// Taken off the dashboards' watch list (the answers stay for other windows).
    public var unwatched: [JobKey] = []
    /// Gone: past retention, or pruned.
    public var deleted: [JobKey] = []
    public var events: [Transition] = []
    public var resources: [StateFile.SavedResource] = []
    /// Finished jobs and events older than this are dropped, by whoever saves.
    public var retentionCutoff: Date?

    public init() {}

    public var isEmpty: Bool {
        jobs.isEmpty && unwatched.isEmpty && deleted.isEmpty && events.isEmpty && resources.isEmpty && retentionCutoff == nil
    }
}
