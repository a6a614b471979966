import JobModel
import JobAPI

/// Where and as whom the requests for one service go through one profile: the endpoint, the
/// budget they spend, the stops that can hold them. Worked out once per profile and service
/// when the engine starts (`RouteTable`): a profile never changes after that. A class, so each
/// of a hundred thousand jobs holds a reference to its route, not a copy of its profile.
final class JobRoute: Sendable {
    let profile: ProfileTarget
    let service: Service
    let endpoint: JobAPI.Endpoint
    /// Budgets, throttles and stops are per credential and endpoint (host, port): the gateway
    /// counts per AK and host, and a refused token says nothing of another token. ECS and CCE
    /// jobs behind one host share its budget.
    let budgetKey: BudgetKey
    /// What windows sharing the state poll for each other by, and what an answer is shared
    /// under: the budget, and a fingerprint of the credential's secrets (never the secrets).
    let shareKey: String

    init(profile: ProfileTarget, service: Service) {
        self.profile = profile
        self.service = service
        endpoint = profile.endpoint(for: service)
        budgetKey = BudgetKey(credential: profile.credentialSource.budgetIdentity, endpoint: endpoint.identity)
        shareKey = "\(profile.credentialSource.sharingIdentity) at \(endpoint.identity)"
    }

    /// Throttles and in-flight counts are per host and port.
    var host: String { endpoint.identity }

    /// A refused credential holds every route to the endpoint with it.
    var credentialStop: StopKey { StopKey(budget: budgetKey, network: nil) }
    /// A route that cannot work as configured (its CA file, its proxy) holds only itself.
    var networkStop: StopKey { StopKey(budget: budgetKey, network: profile.network) }

    func jobTarget(jobID: String) -> JobTarget {
        JobTarget(service: service, endpoint: endpoint, projectID: profile.owner(of: service), jobID: jobID, network: profile.network)
    }

    func lookupTarget(api: LookupAPI) -> LookupTarget {
        LookupTarget(api: api, endpoint: endpoint, projectID: profile.projectID, network: profile.network)
    }
}
