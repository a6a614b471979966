import JobModel

/// Whom a request is about, as its headers say: a project (`X-Project-Id`, signed), or the
/// account (`X-Domain-Id` when the domain is known: Global EIP, orders), as the SDKs'
/// `BasicCredentials` and `GlobalCredentials` send them.
enum RequestScope: Sendable, Hashable {
    case project(String)
    case account(String?)

    /// A service's scope with the one ID a job's key holds for it (`JobKey.projectID`).
    init(service: Service, projectOrDomain: String) {
        switch service.scope {
        case .project: self = .project(projectOrDomain)
        case .account: self = .account(projectOrDomain.isEmpty ? nil : projectOrDomain)
        }
    }

    var projectID: String? {
        if case .project(let id) = self { id } else { nil }
    }
}
