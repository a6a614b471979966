import JobModel

/// A side effect `Dashboard.update` asks the driver to perform; the update itself stays pure.
public enum Action: Sendable, Hashable {
    /// Leave the dashboard (restore the terminal, exit).
    case quit
    /// Poll this job now; `nil` is never emitted by `update` (kept for the driver's own use).
    case refresh(JobKey?)
    /// Poll every watched job now.
    case refreshAll
    /// Watch this job ID (already validated with `JobID.problem(with:)`), under the default profile.
    case addJob(String)
    /// Stop watching this job.
    case removeJob(JobKey)
    /// Put this text on the clipboard (the driver emits OSC 52).
    case copy(String)
    /// Ring the terminal bell: a key that did nothing, a prompt refused its input.
    case bell
    /// Redraw the whole screen from scratch (Ctrl-L).
    case redraw
}
