import Foundation
import JobModel
import JobAPI
import Synchronization

/// Decides every answer: authentication, quota, faults, then the job at the current
/// scenario time. Holds the counters tests read. All mutable state sits in one `Mutex`.
final class SimulatorCore: Sendable {
    let options: SimulatorOptions
    let scenario: Scenario
    let clock: ScenarioClock
    private let authenticator: GatewayAuthenticator?
    let metadata: MetadataIssuer?
    /// The `soak` scenario's jobs, made up from their IDs.
    private let synthetic: SyntheticJobs?
    private let state: Mutex<State>
    let catalog: ResourceCatalog

    struct State: Sendable {
        var totalRequests = 0
        var overQuota = 0
        var requestsPerJob: [String: Int] = [:]
        var lookupRequests: [LookupAPI: Int] = [:]
        var faults: FaultPlan
        var quota: RateQuota
        var lockouts = LockoutBook()
        var ledger = QuotaLedger()
    }

    init(options: SimulatorOptions) {
        self.options = options
        self.scenario = Scenario.make(options.scenario, seed: options.seed)
        self.catalog = ResourceCatalog(scenario)
        self.clock = ScenarioClock(origin: options.now(), speed: options.speed, offset: options.startOffset)
        self.authenticator = options.credentials.map(GatewayAuthenticator.init)
        self.metadata = options.metadata.map(MetadataIssuer.init)
        self.synthetic = options.scenario == .soak ? SyntheticJobs() : nil
        self.state = Mutex(State(faults: options.faults, quota: options.quota))
    }

    // MARK: - Counters and controls

    func requestCount(jobID: String) -> Int {
        state.withLock { $0.requestsPerJob[jobID] ?? 0 }
    }

    func lookupRequestCount(_ api: LookupAPI) -> Int {
        state.withLock { $0.lookupRequests[api] ?? 0 }
    }

    var overQuotaRequests: Int {
        state.withLock { $0.overQuota }
    }

    var totalRequests: Int {
        state.withLock { $0.totalRequests }
    }

    func setFaults(_ faults: FaultPlan) {
        state.withLock { $0.faults = faults }
    }

    func setQuota(_ quota: RateQuota) {
        state.withLock { $0.quota = quota }
    }

    /// Scenario seconds elapsed at the injected wall clock's `now`.
    var scenarioElapsed: Double {
        clock.elapsed(at: options.now())
    }

    // MARK: - Answering

    func answer(_ request: ReceivedRequest, requestID: String) -> SimulatedAnswer {
        let now = options.now()
        if let metadata, let answer = MetadataRoute.answer(request, issuer: metadata, now: now) {
            return answer
        }
        let route = request.jobRoute
        let lookup = route == nil ? LookupRoute(path: request.path) : nil
        // With the metadata service, its unexpired temporary credentials are accepted too.
        let authenticator = metadata.map { GatewayAuthenticator(credentials: $0.accepted(adding: options.credentials, at: now)) } ?? self.authenticator

        // Everything that touches shared state happens in one critical section, so request
        // numbers, counts, locks and quota agree with each other.
        let gate: Result<(FaultPlan.Fault?, RateQuota), AnswerError> = state.withLock { state in
            state.totalRequests += 1
            let sequence = state.totalRequests
            if let route { state.requestsPerJob[route.jobID, default: 0] += 1 }
            if let lookup { state.lookupRequests[lookup.api, default: 0] += 1 }

            var principal = "anonymous"
            if let authenticator {
                let verdict = authenticator.verify(request, now: now) { state.lockouts.isLocked($0, at: now) }
                switch verdict {
                case .accepted(let who):
                    principal = who
                    if let ak = AuthorizationHeader(parsing: request.header("Authorization") ?? "")?.accessKeyID {
                        state.lockouts.recordSuccess(ak)
                    }
                case .refused(let refusal, let failedAK):
                    if let failedAK { state.lockouts.recordFailure(failedAK, at: now) }
                    return .failure(.refused(refusal))
                }
            } else if let ak = AuthorizationHeader(parsing: request.header("Authorization") ?? "")?.accessKeyID {
                principal = "AK \(ak)"
            }
            if let wait = state.ledger.admit(principal, at: now, quota: state.quota) {
                state.overQuota += 1
                return .failure(.overQuota(state.quota, retryAfter: wait))
            }
            return .success((state.faults.fault(forRequest: sequence), state.quota))
        }

        let fault: FaultPlan.Fault?
        let quota: RateQuota
        switch gate {
        case .failure(.refused(let refusal)):
            return ErrorBodies.unauthorized(refusal, requestID: requestID)
        case .failure(.overQuota(let quota, let wait)):
            return ErrorBodies.throttled(quota, retryAfter: wait, requestID: requestID)
        case .success(let pass):
            (fault, quota) = pass
        }

        switch fault {
        case .throttle(let retryAfter)?:
            return ErrorBodies.throttled(quota, retryAfter: retryAfter, requestID: requestID)
        case .serverError(let status)?:
            return ErrorBodies.proxyError(status)
        case .html?:
            return ErrorBodies.portalPage
        case .slow(let delay)?:
            var answer = jobAnswer(request, route: route, now: now, requestID: requestID)
            answer.delay = delay
            return answer
        case .drop?:
            var answer = jobAnswer(request, route: route, now: now, requestID: requestID)
            answer.delivery = .dropAfter(bytes: answer.body.count / 2)
            return answer
        case .truncated?:
            var answer = jobAnswer(request, route: route, now: now, requestID: requestID)
            answer.body = Array(answer.body.prefix(answer.body.count / 2))
            return answer
        case .huge?:
            var answer = jobAnswer(request, route: route, now: now, requestID: requestID)
            answer.body = Self.padded(answer.body, to: FaultPlan.hugeBodyBytes)
            return answer
        case .lookupForbidden?:
            if lookup != nil { return ErrorBodies.lookupForbidden(requestID: requestID) }
            return jobAnswer(request, route: route, now: now, requestID: requestID)
        case nil:
            return jobAnswer(request, route: route, now: now, requestID: requestID)
        }
    }

    /// A JSON object grown to `size` bytes with a `padding` member (still valid JSON); other
    /// bodies are padded with spaces.
    static func padded(_ body: [UInt8], to size: Int) -> [UInt8] {
        guard body.count < size else { return body }
        guard body.last == UInt8(ascii: "}"), body.count > 2 else {
            return body + [UInt8](repeating: UInt8(ascii: " "), count: size - body.count)
        }
        let opening = Array(",\"padding\":\"".utf8)
        let filler = max(0, size - body.count - opening.count - 1)
        return body.dropLast() + opening + [UInt8](repeating: UInt8(ascii: "x"), count: filler) + Array("\"}".utf8)
    }

    private enum AnswerError: Error {
        case refused(AuthRefusal)
        case overQuota(RateQuota, retryAfter: Int)
    }

    /// The answer the service itself gives: the job, or why there is none.
    /// A job asked on another family's path (a CCE ID on `/v1`, a `/v1` ID on CCE's path)
    /// is not found, as on the real, separate hosts.
    private func jobAnswer(_ request: ReceivedRequest, route: JobRoute?, now: Date, requestID: String) -> SimulatedAnswer {
        if route == nil, let lookup = LookupRoute(path: request.path) {
            return lookupAnswer(request, route: lookup, now: now, requestID: requestID)
        }
        let t = clock.elapsed(at: now)
        if route == nil, request.path.hasSuffix(Service.orderResourcesPath) {
            guard request.method.uppercased() == "POST" else { return ErrorBodies.methodNotAllowed(requestID: requestID) }
            return OrderResources.answer(request, scenario: scenario, at: t, clock: clock)
        }
        guard let route else { return ErrorBodies.noSuchAPI(requestID: requestID) }
        guard request.method.uppercased() == "GET" else { return ErrorBodies.methodNotAllowed(requestID: requestID) }
        // Soak's made-up jobs are BMS: asking on CCE's or IMS's path must not start one.
        let made = route.serves(.bms) ? synthetic?.plan(for: route.jobID, at: t) : nil
        let job = (scenario.byID[route.jobID] ?? made).flatMap { route.serves($0.service) ? $0 : nil }
        // The path names CCE, IMS, DCS…; on a shared path only a job the scenario knows tells its service.
        let service = route.onlyService ?? job?.service ?? (route.serves(.rds) ? .rds : nil)
        // IMS's progress path names no project: the SDK's `X-Project-Id` header does, when sent.
        let projectID = route.projectID ?? request.header("X-Project-Id")
        let notFound = ErrorBodies.jobNotFound(jobID: route.jobID, projectID: projectID, service: service)
        // An account's job is found by its domain (Global EIP), or by the order's ID alone.
        let expected = service?.scope == .account ? options.domainID : options.projectID
        if let expected, let projectID, !projectID.isEmpty, projectID != expected { return notFound }
        guard let job, t >= job.createdAt else { return notFound }
        if route.family == .imageProgress { return .json(200, job.progressJSON(at: t, clock: clock)) }
        return .json(200, job.json(at: t, clock: clock))
    }
}
