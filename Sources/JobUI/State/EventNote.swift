import Foundation
import JobModel

/// A line of the event log written by the dashboard, not the engine (whose log holds only
/// status changes): so far, a job removed from the watch with `d`.
public struct EventNote: Sendable, Hashable {
    public var at: Date
    public var jobID: String
    /// What the job was, as the tree named it (`create servers`).
    public var label: String
    public var text: String

    public init(at: Date, jobID: String, label: String, text: String) {
        self.at = at
        self.jobID = jobID
        self.label = label
        self.text = text
    }

    /// `key` removed from the watch, named as `snapshot` shows it.
    public static func removed(_ key: JobKey, from snapshot: Snapshot, at: Date) -> EventNote {
        let state = snapshot.jobs.first { $0.key == key }
        let label = state?.entry.label ?? state?.job?.label ?? "job"
        return EventNote(at: at, jobID: key.jobID, label: label, text: "removed from the watch (d)")
    }
}
