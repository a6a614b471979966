import JobModel
import JobAPI

/// How the engine polls (README, "How polling works").
public struct EngineSettings: Sendable, Hashable {
    /// The shortest time between two polls of one job.
    public var interval: Duration = .seconds(10)
    /// Requests per minute per credential, never exceeded (the gateway's quota is often 100).
    public var requestsPerMinute: Double = 30
    /// Requests in flight at once per endpoint.
    public var maxConcurrencyPerEndpoint: Int = 4
    /// Pacing, priority, slowness and failure rules (pure; see `PollPolicy`).
    public var policy = PollPolicy()
    /// `get`: a failure `OneShotRead` settles on is not asked again (one request for a 200 that
    /// is not a job, at most two retries for a 5xx).
    public var oneShot = false
    /// Finished jobs whose end and last read are older than this leave the watch list (and the
    /// state file) when the state is next saved; `nil` keeps every job (`get` and `wait`).
    public var retention: Duration?
    /// Look up the names of the servers and volumes jobs name (`--no-names`, `ui.names`).
    public var names = true
    /// Seed for backoff jitter (tests fix it).
    public var randomSeed: UInt64 = UInt64.random(in: 0...UInt64.max)

    /// With a state database: one process polls each budget, the others read its answers
    /// (`Engine+Sharing.swift`). Off: this engine polls all its jobs itself.
    public var sharesState = true

    public init() {}

    /// The defaults, for the config to start from (its `poll` section overrides them).
    public static let defaults = EngineSettings()
}
