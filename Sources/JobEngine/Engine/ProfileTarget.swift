import JobModel
import JobAPI

/// Where and as whom the jobs of one profile are read.
public struct ProfileTarget: Sendable, Hashable {
    public var name: String
    /// The service of its jobs when a job does not name one (`service` in the profile).
    public var service: Service = .bms
    /// The endpoint of `service`, and of every service `endpoints` does not list.
    public var endpoint: JobAPI.Endpoint
    /// Each service's own endpoint (from `--region`, or the profile's `endpoints` map).
    public var endpoints: [Service: JobAPI.Endpoint] = [:]
    /// Whose hosts its region's are (`doctor --hosts` says so).
    public var cloud: Cloud = .huaweicloud
    public var projectID: String
    /// The account (domain) ID, for the account's jobs (Global EIP, orders): `--domain-id`,
    /// the profile's `domain_id`, `HUAWEICLOUD_SDK_DOMAIN_ID`.
    public var domainID: String?
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

    /// Whether it reaches a service's jobs: every service when it names no per-service
    /// endpoints (one URL, or a test's), else only those its map names (a profile with only
    /// `{"cce": URL}` must not send an ECS job's path to the CCE host).
    public func serves(_ service: Service) -> Bool {
        endpoints.isEmpty || endpoints[service] != nil
    }

    /// Where a job of this profile lives; `service` `nil` is the profile's.
    /// An account's job (Global EIP, an order) lives in the domain: its key holds the domain ID
    /// where a project's job holds the project ID (`""` when the domain is not known).
    public func key(for jobID: String, service: Service? = nil) -> JobKey {
        let service = service ?? self.service
        return JobKey(service: service, endpoint: place ?? endpoint(for: service).identity, projectID: owner(of: service), jobID: jobID)
    }

    /// Whose a service's jobs are through this profile: its project, or for an account's
    /// service its domain (`""` when unknown). What keys hold and requests name.
    public func owner(of service: Service) -> String {
        service.scope == .account ? domainID ?? "" : projectID
    }
}
