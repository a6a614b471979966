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

    public init() {}
}

/// Where and as whom the jobs of one profile are read.
public struct ProfileTarget: Sendable, Hashable {
    public var name: String
    /// The service of its jobs when a job does not name one (`service` in the profile).
    public var service: Service = .bms
    /// The endpoint of `service`, and of every service `endpoints` does not list.
    public var endpoint: JobAPI.Endpoint
    /// Each service's own endpoint (from `--region`, or the profile's `endpoints` map).
    public var endpoints: [Service: JobAPI.Endpoint] = [:]
    public var projectID: String
    /// What its requests are signed with, asked before each one.
    public var credentialSource: CredentialSource
    /// The fixed credential; `.none` for a refreshing source (it has none until asked).
    public var credential: Credential {
        get { if case .fixed(let credential) = credentialSource { credential } else { .none } }
        set { credentialSource = .fixed(newValue) }
    }
    /// A per-profile budget (the profile's `requests_per_minute`), else the engine's.
    public var requestsPerMinute: Double?
    /// Where its jobs live, when not at `endpoint.identity`: the demo's simulator listens on a
    /// new port each run, but its jobs are the same ones.
    public var place: String?
    /// Its proxy rules and trusted certificates (`proxy`, `ca_file`, the environment's).
    public var network: NetworkSettings = .direct

    public init(name: String, endpoint: JobAPI.Endpoint, projectID: String, credential: Credential, requestsPerMinute: Double? = nil) {
        self.name = name
        self.endpoint = endpoint
        self.projectID = projectID
        self.credentialSource = .fixed(credential)
        self.requestsPerMinute = requestsPerMinute
    }

    /// Where a service's jobs are read through this profile.
    public func endpoint(for service: Service) -> JobAPI.Endpoint {
        endpoints[service] ?? endpoint
    }

    /// Where a job of this profile lives; `service` `nil` is the profile's.
    public func key(for jobID: String, service: Service? = nil) -> JobKey {
        let service = service ?? self.service
        return JobKey(service: service, endpoint: place ?? endpoint(for: service).identity, projectID: projectID, jobID: jobID)
    }

    /// Budgets, throttles and stops are per credential and endpoint (host, port): the gateway
    /// counts per AK and host, and a refused token says nothing of another token. ECS and CCE
    /// jobs behind one host share its budget.
    func budgetKey(for service: Service) -> BudgetKey {
        BudgetKey(credential: credentialSource.budgetIdentity, endpoint: endpoint(for: service).identity)
    }

    /// The budgets any of its jobs may use.
    var budgetKeys: Set<BudgetKey> {
        Set(Service.all.map(budgetKey(for:)))
    }
}

/// One credential at one endpoint: what a request budget, a throttle and a stop apply to.
struct BudgetKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `Credential.budgetIdentity`: never a secret.
    var credential: String
    var endpoint: String

    static func < (a: BudgetKey, b: BudgetKey) -> Bool { (a.credential, a.endpoint) < (b.credential, b.endpoint) }

    var description: String { "\(credential) at \(endpoint)" }
}

