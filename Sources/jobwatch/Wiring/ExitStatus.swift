import JobAPI
import JobEngine

/// The exit codes of `get` and `wait` (DESIGN.md): scripts branch on them.
enum ExitStatus: Int32 {
    case success = 0
    case failed = 1
    case timedOut = 2
    case unreadable = 3
    case usage = 64
    case interrupted = 130

    /// 3 when a job could not be read, else 1 when one failed, else 0.
    static func of(_ states: [JobState]) -> ExitStatus {
        if states.contains(where: { $0.job == nil || $0.health == .authStopped || $0.health == .notFound }) {
            return .unreadable
        }
        if states.contains(where: { $0.job?.status == .fail }) { return .failed }
        return .success
    }
}
