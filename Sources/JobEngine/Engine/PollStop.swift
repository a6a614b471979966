import JobModel
import JobAPI

/// Why polling stopped for one credential at one endpoint, and how its jobs show it.
struct PollStop: Sendable, Hashable {
    /// The error's one line, for the header.
    var reason: String
    /// `.authStopped` (401/403) or `.routeStopped` (certificate, proxy login).
    var health: JobHealth
}

/// What a stop holds: a refused credential at an endpoint, or that and one route to it. Two
/// profiles with one credential and endpoint but their own CA file or proxy are stopped apart:
/// a certificate one of them does not trust says nothing of the other's trust.
struct StopKey: Sendable, Hashable {
    var budget: BudgetKey
    /// `nil` for a credential's stop.
    var network: NetworkSettings?
}
