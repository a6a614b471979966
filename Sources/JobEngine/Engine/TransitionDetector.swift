import Foundation
import JobModel
import JobAPI

/// Finds what changed between two answers for the same job.
enum TransitionDetector {
    /// The top-level job is reported when first seen and on each change; a sub-job on each
    /// change, and when first seen only if it already failed (so no failure goes unreported
    /// while 24 fresh sub-jobs do not flood the log).
    static func changes(from old: Job?, to new: Job, of state: JobState, at date: Date) -> [Transition] {
        let entry = state.entry
        var result: [Transition] = []
        if old?.status != new.status {
            result.append(Transition(
                at: date, key: state.key, profile: entry.profile, jobType: new.type, from: old?.status, to: new.status,
                reason: new.status == .fail ? new.failureSummary : nil, label: entry.label
            ))
        }
        var before: [String: JobStatus] = [:]
        for sub in old?.subJobs ?? [] {
            if let id = sub.id { before[id] = sub.status }
        }
        for sub in new.subJobs {
            guard let id = sub.id else { continue }
            let previous = before[id]
            guard previous != sub.status else { continue }
            if previous == nil, sub.status != .fail { continue }
            result.append(Transition(
                at: date, key: state.key, profile: entry.profile, subJobID: id, jobType: sub.type, from: previous, to: sub.status,
                reason: sub.status == .fail ? sub.failureReason : nil, label: entry.label
            ))
        }
        // Sub-jobs before their batch: the batch's line is the summary.
        return result.filter { $0.subJobID != nil } + result.filter { $0.subJobID == nil }
    }
}
