/// Why the dashboard ended.
public enum DashboardExit: Sendable, Hashable {
    /// The user quit (`q`).
    case quit
    /// SIGINT, SIGTERM or SIGHUP: exit with 128 + the signal number, as shells expect.
    case signal(Int32)
    /// The terminal went away.
    case hangup
}
