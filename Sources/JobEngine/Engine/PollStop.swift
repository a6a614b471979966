import JobModel

/// Why polling stopped for one credential at one endpoint, and how its jobs show it.
struct PollStop: Sendable, Hashable {
    /// The error's one line, for the header.
    var reason: String
    /// `.authStopped` (401/403) or `.routeStopped` (certificate, proxy login).
    var health: JobHealth
}
