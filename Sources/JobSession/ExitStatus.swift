import JobModel

/// The exit codes of `get` and `wait` (README, "Scripts"): scripts branch on them.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case failed = 1
    case timedOut = 2
    case unreadable = 3
    case usage = 64
    /// EX_IOERR, as a failed stdout: the dashboard's terminal cannot be read (`TerminalLost`),
    /// or `--exit-when-done`'s last save failed (full disk, a folder gone): the record is missing.
    case ioError = 74

    /// 3 when a job could not be read, else 1 when one failed, else 0.
    public static func of(_ states: [JobState]) -> ExitStatus {
        if states.contains(where: \.isUnreadable) { return .unreadable }
        if states.contains(where: { $0.job?.status == .fail }) { return .failed }
        return .success
    }

    /// A stream's or `wait`'s exit code: a signal is 128 + its number, as a shell reports it.
    public static func of(_ ending: StreamEnding) -> Int32 {
        switch ending {
        case .allDone(let states): of(states).rawValue
        case .failedFast: failed.rawValue
        case .timedOut: timedOut.rawValue
        case .interrupted(let signal, _): 128 + signal
        }
    }
}
