import Foundation

/// The one rule for dropping finished jobs: SUCCESS or FAIL, and both its end and its last read
/// before the cutoff (the engine's clock minus `poll.retention`). Running jobs are never dropped.
public enum Retention {
    public static func isExpired(_ job: Job?, readAt: Date?, cutoff: Date) -> Bool {
        guard let job, job.status.isTerminal else { return false }
        return max(job.endTime ?? .distantPast, readAt ?? .distantPast) < cutoff
    }
}
