import JobModel

/// A side effect `Dashboard.update` asks the driver to perform; the update itself stays pure.
/// Effects that finish with a result report it back as a `Message` (`.added`, `.copied`, …).
public enum Effect: Sendable, Hashable {
    /// Leave the dashboard (restore the terminal, exit) for this reason.
    case exit(DashboardExit)
    /// Poll this job now.
    case refresh(JobKey)
    /// Poll every watched job now.
    case refreshAll
    /// Watch this job (parsed from the `a` prompt), under the default profile; answered with
    /// `.added` or `.addFailed`.
    case addJob(JobReference)
    /// Stop watching this job; answered with `.removed`.
    case removeJob(JobKey)
    /// Put this text on the clipboard (the driver emits OSC 52); answered with `.copied` or
    /// `.copyFailed`.
    case copy(String)
    /// Ring the terminal bell.
    case bell
    /// Redraw the whole screen from scratch (Ctrl-L).
    case redraw

    /// The user quit (`q`).
    public static var quit: Effect { .exit(.quit) }
}
