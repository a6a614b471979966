import AsyncHTTPClient
import Foundation
import JobModel
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// Settings of the HTTP client.
public struct ClientOptions: Sendable {
    public var connectTimeout: Duration = .seconds(5)
    /// The whole request, connect to last byte: no request ever hangs longer.
    public var requestTimeout: Duration = .seconds(30)
    /// Bodies over this size are refused (a batch job with 1,500 sub-jobs is about 600 KB).
    public var maxBodyBytes: Int = 8 * 1024 * 1024
    public var userAgent: String = "jobwatch/\(JobwatchVersion.current)"

    public init() {}
}

/// The job to read, and where.
public struct JobTarget: Sendable, Hashable {
    public var service: Service
    public var endpoint: Endpoint
    public var projectID: String
    public var jobID: String
    /// Its profile's proxy rules and trusted certificates.
    public var network: NetworkSettings

    public init(service: Service = .bms, endpoint: Endpoint, projectID: String, jobID: String, network: NetworkSettings = .direct) {
        self.service = service
        self.endpoint = endpoint
        self.projectID = projectID
        self.jobID = jobID
        self.network = network
    }
}

/// One job as read, with what the response said about the server.
public struct FetchedJob: Sendable, Hashable {
    public var job: Job
    /// The response's `Date` header, for clock-skew checks.
    public var serverDate: Date?
    public var requestID: String?

    public init(job: Job, serverDate: Date? = nil, requestID: String? = nil) {
        self.job = job
        self.serverDate = serverDate
        self.requestID = requestID
    }
}

/// Reads jobs over HTTP(S) with AsyncHTTPClient, signing every request.
public final class JobClient: Sendable {
    /// One HTTP client per proxy and trust store in use, made when a route first needs it.
    private let clients = Mutex<[ClientKey: HTTPClient]>([:])
    public let options: ClientOptions

    private struct ClientKey: Hashable {
        var proxy: ProxyServer?
        var trust: TrustStore
    }

    public init(options: ClientOptions = ClientOptions()) {
        self.options = options
    }

    private func client(for route: Route) -> HTTPClient {
        let key = ClientKey(proxy: route.proxy.server, trust: route.trust)
        return clients.withLock { clients in
            if let client = clients[key] { return client }
            let client = Self.makeClient(options, route: route)
            clients[key] = client
            return client
        }
    }

    private static func makeClient(_ options: ClientOptions, route: Route) -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: route.trust.tlsConfiguration(),
            redirectConfiguration: .disallow,
            timeout: .init(connect: .nanoseconds(Int64(options.connectTimeout.nanoseconds)), read: .nanoseconds(Int64(options.requestTimeout.nanoseconds))),
            proxy: route.proxy.server.map(Self.proxyConfiguration),
            decompression: .enabled(limit: .size(options.maxBodyBytes))
        )
        configuration.httpVersion = .automatic
        // One failed connect is one failed request: the engine paces retries within the budget
        // (the library's own would shake hands with an untrusted certificate a dozen times).
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// AsyncHTTPClient tunnels every request through an HTTP proxy with `CONNECT`.
    static func proxyConfiguration(_ server: ProxyServer) -> HTTPClient.Configuration.Proxy {
        switch server.kind {
        case .socks5:
            return .socksServer(host: server.host, port: server.port)
        case .http:
            let login = server.user.map { HTTPClient.Authorization.basic(username: $0, password: server.password ?? "") }
            return .server(host: server.host, port: server.port, authorization: login)
        }
    }

    /// Must be called once before the client goes away.
    public func shutdown() async {
        let all = clients.withLock { clients in
            defer { clients = [:] }
            return Array(clients.values)
        }
        for client in all { try? await client.shutdown() }
    }

    /// `GET` the job at its service's path (`/v1/{project_id}/jobs/{job_id}`, CCE's
    /// `/api/v3/projects/{project_id}/jobs/{job_id}`), read in the service's dialect.
    ///
    /// - Parameter now: the wall-clock time for `X-Sdk-Date`.
    public func fetch(_ target: JobTarget, credential: Credential, now: Date = Date()) async throws(APIError) -> FetchedJob {
        var serverDate: Date?
        return try await fetch(target, credential: credential, now: now, serverDate: &serverDate)
    }

    /// As `fetch`, also telling the response's `Date` header when the answer is an error
    /// (`doctor` checks the clock against a 404).
    public func fetch(_ target: JobTarget, credential: Credential, now: Date = Date(), serverDate answeredDate: inout Date?) async throws(APIError) -> FetchedJob {
        let redactor = Redactor(secrets: credential.secrets + target.network.proxy.secrets)
        let host = target.endpoint.hostHeader
        if let problem = JobID.problem(with: target.jobID) {
            throw APIError(kind: .invalidRequest, message: "job ID \(JobID.quoted(target.jobID)) \(problem) — give the job_id the create/operate call returned")
        }
        // An account's service needs the domain only where its path names it (Global EIP).
        let account = target.service.scope == .account
        if !account || target.service.pathNamesDomain, let problem = JobID.problem(with: target.projectID) {
            throw APIError(kind: .invalidRequest, message: account
                ? "domain ID \(problem) — \(target.service.name) jobs are the account's: pass --domain-id, set domain_id in the profile or HUAWEICLOUD_SDK_DOMAIN_ID"
                : "project ID \(problem) — set project_id in the profile or HUAWEICLOUD_SDK_PROJECT_ID")
        }

        if target.service.idNamesInstance, Service.instanceAndTask(target.jobID) == nil {
            throw APIError(kind: .invalidRequest, message: "\(target.service.name) task \(JobID.quoted(target.jobID)) does not name its instance — write \(target.service.name)/INSTANCE_ID/TASK_ID")
        }
        let path = target.endpoint.jobPath(service: target.service, projectID: target.projectID, jobID: target.jobID)
        let query = target.service.jobQuery.map { [SigningRequest.QueryItem($0, target.jobID)] } ?? []
        let scope = RequestScope(service: target.service, projectOrDomain: target.projectID)
        let answer = try await exchange(
            endpoint: target.endpoint, path: path, query: query, scope: scope, network: target.network, credential: credential, now: now)
        let status = answer.status
        let requestID = answer.requestID
        let serverDate = answer.serverDate
        answeredDate = serverDate
        let data = answer.body

        guard (200..<300).contains(status) else {
            var error = Self.httpError(status: status, body: data, requestID: requestID, retryAfter: answer.retryAfter, host: host, redactor: redactor, now: now)
            // "The job does not exist." as a 400 (the database family): not found, as a 404 is.
            if status != 404, let code = error.code, target.service.notFoundCodes.contains(code) { error.kind = .noSuchJob }
            throw error
        }
        var job: Job
        do {
            job = try Job.decode(data, service: target.service)
        } catch .noSuchJob {
            throw APIError(kind: .noSuchJob, httpStatus: status, message: "the answer lists no job: there is no such job", requestId: requestID, host: host)
        } catch .missingStatus where (try? JSONValue.parse(data)).flatMap(ErrorFields.find)?.code != nil {
            // BSS answers some errors with HTTP 200 (`CBC.3002`, FAMILIES.md §8.2): an error all the same.
            throw Self.httpError(status: status, body: data, requestID: requestID, retryAfter: nil, host: host, redactor: redactor, now: now)
        } catch {
            // The body's first bytes are taken again from the redacted body: a secret cut in
            // half by the prefix would no longer match.
            let problem: JobDecodingProblem = if case .notJSON = error { .notJSON(bodyPrefix: BodyPrefix.of(redactor.redact(data))) } else { error }
            throw APIError(kind: .invalidResponse, httpStatus: status, message: redactor.redact("answer is not a job: \(problem)"), requestId: requestID, host: host)
        }
        // A completed order's resources come from a second query, once: it never changes again.
        if target.service == .order, job.status.outcome == .success {
            job.entities.subJobs = try await orderResources(target, credential: credential, now: now, redactor: redactor)
        }
        return FetchedJob(job: job, serverDate: serverDate, requestID: requestID)
    }

    /// One signed `GET` and its whole answer, whatever its status: what job reads and lookups share.
    /// - Parameter query: unencoded; sent and signed in the order given.
    /// - Parameter body: a `POST`'s JSON (an order's resources query); `nil` is a `GET`.
    func exchange(
        endpoint: Endpoint, path: String, query: [SigningRequest.QueryItem] = [], scope: RequestScope, body: [UInt8]? = nil,
        network: NetworkSettings, credential: Credential, now: Date
    ) async throws(APIError) -> RawAnswer {
        let host = endpoint.hostHeader
        let queryText = query.map { "\(PercentEncoding.encode($0.name))=\(PercentEncoding.encode($0.value))" }.joined(separator: "&")
        var request = HTTPClientRequest(url: endpoint.url(path: path) + (queryText.isEmpty ? "" : "?\(queryText)"))
        request.method = body == nil ? .GET : .POST
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        for header in Self.headers(method: body == nil ? "GET" : "POST", path: path, query: query, host: host, scope: scope, body: body ?? [], credential: credential, userAgent: options.userAgent, now: now) {
            request.headers.replaceOrAdd(name: header.name, value: header.value)
        }

        let response: HTTPClientResponse
        var body = ByteBuffer()
        // One deadline for the whole exchange, head and body: the read timeout alone restarts
        // with every byte, so a body dribbled a byte a second would never end.
        let deadline = ContinuousClock.now + options.requestTimeout
        let route = network.route(to: endpoint)
        let client = client(for: route)
        do {
            response = try await client.execute(request, timeout: .nanoseconds(Int64(options.requestTimeout.nanoseconds)))
            if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > options.maxBodyBytes {
                throw APIError(kind: .bodyTooLarge, httpStatus: Int(response.status.code), message: "response body of \(length) bytes is over the \(options.maxBodyBytes / 1024 / 1024) MiB limit", requestId: response.headers.first(name: "X-Request-Id"), host: host)
            }
            // Leaving the loop early drops the body stream, which ends the request.
            for try await chunk in response.body {
                guard ContinuousClock.now < deadline else {
                    throw APIError(kind: .timeout, message: "no complete answer within \(DurationText.format(options.requestTimeout))", host: host)
                }
                guard body.readableBytes + chunk.readableBytes <= options.maxBodyBytes else { throw NIOTooManyBytesError(maxBytes: options.maxBodyBytes) }
                body.writeImmutableBuffer(chunk)
            }
        } catch let error as APIError {
            throw error
        } catch {
            throw await failure(error, endpoint: endpoint, route: route)
        }
        return RawAnswer(
            status: Int(response.status.code), body: Data(body.readableBytesView),
            requestID: response.headers.first(name: "X-Request-Id"),
            serverDate: response.headers.first(name: "Date").flatMap(HTTPDate.parse),
            retryAfter: response.headers.first(name: "Retry-After")
        )
    }

    /// An answer as it came, before it is read as a job or a resource.
    struct RawAnswer: Sendable {
        var status: Int
        var body: Data
        var requestID: String?
        var serverDate: Date?
        var retryAfter: String?
    }

    /// The headers the SDK sends, signed for AK/SK or with `X-Auth-Token`.
    static func headers(
        method: String = "GET", path: String, query: [SigningRequest.QueryItem] = [], host: String, scope: RequestScope, body: [UInt8] = [],
        credential: Credential, userAgent: String, now: Date
    ) -> [SigningRequest.Header] {
        var base: [SigningRequest.Header] = [
            .init("Content-Type", "application/json"),
            .init("User-Agent", userAgent),
        ]
        switch scope {
        case .project(let projectID): base.append(.init("X-Project-Id", projectID))
        case .account(let domainID?): base.append(.init("X-Domain-Id", domainID))
        case .account(nil): break
        }
        switch credential {
        case .accessKey(let key):
            let request = SigningRequest(method: method, host: host, path: path, query: query, headers: base + [.init("X-Sdk-Date", SDKDate.format(now))], body: body)
            return Signer.sign(request, with: key, projectID: scope.projectID).headers
        case .token(let token):
            return base + [.init("Host", host), .init("X-Auth-Token", token.exposed)]
        case .none:
            return base + [.init("Host", host)]
        }
    }

    /// What an error answer (not 2xx) becomes: its code and message from any service's error
    /// body, the wait it asks for, the quota it states. The fuzzers' way in.
    public static func error(status: Int, body: Data, retryAfter: String?, now: Date) -> APIError {
        httpError(status: status, body: body, requestID: nil, retryAfter: retryAfter, host: "", redactor: Redactor(secrets: []), now: now)
    }

    static func httpError(status: Int, body: Data, requestID: String?, retryAfter: String?, host: String, redactor: Redactor, now: Date) -> APIError {
        var code: String?
        var message: String
        if let json = try? JSONValue.parse(body), let found = ErrorFields.find(in: json) {
            code = found.code
            message = found.message ?? ""
        } else {
            // Redacted before the cut: a secret cut in half would no longer match.
            let prefix = BodyPrefix.of(redactor.redact(body))
            message = prefix.isEmpty ? HTTPResponseStatus(statusCode: status).reasonPhrase : "body: \(prefix)"
        }
        if message.isEmpty { message = HTTPResponseStatus(statusCode: status).reasonPhrase }
        return APIError(
            kind: .http, httpStatus: status, code: code.map(redactor.redact), message: redactor.redact(message),
            requestId: requestID, retryAfter: HTTPDate.retryAfterSeconds(retryAfter, now: now), host: host,
            fix: code.flatMap(BSSSite.fix(forCode:))
        )
    }

    /// One plain line per kind of failure; the library's own text (errno dumps, build paths)
    /// never reaches the user.
    static func transportError(_ error: any Error, host: String, limit: Int) -> APIError {
        func problem(_ kind: APIError.TransportProblem, _ message: String) -> APIError {
            APIError(kind: .transport, message: message, host: host, transport: kind)
        }
        if error is CancellationError {
            return APIError(kind: .timeout, message: "request cancelled before the answer came", host: host)
        }
        if error is NIOTooManyBytesError {
            return APIError(kind: .bodyTooLarge, message: "response body is over the \(limit / 1024 / 1024) MiB limit", host: host)
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return APIError(kind: .timeout, message: "connect timed out", host: host)
            case .readTimeout, .deadlineExceeded: return APIError(kind: .timeout, message: "request timed out", host: host)
            case .remoteConnectionClosed: return problem(.reset, "connection closed by the server before the answer was complete")
            default: break
            }
        }
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return problem(.refused, "connection refused")
            case ECONNRESET, EPIPE: return problem(.reset, "connection reset by the server")
            case ETIMEDOUT: return APIError(kind: .timeout, message: "connect timed out", host: host)
            case EHOSTUNREACH, ENETUNREACH: return problem(.refused, "host unreachable")
            default: return problem(.other, "connection failed (errno \(io.errnoCode))")
            }
        }
        if let connection = error as? NIOConnectionError {
            if connection.dnsAError != nil || connection.dnsAAAAError != nil, connection.connectionErrors.isEmpty {
                return problem(.unknownHost, "host name does not resolve")
            }
            if let first = connection.connectionErrors.first { return transportError(first.error, host: host, limit: limit) }
        }
        if error is SocketAddressError { return problem(.unknownHost, "host name does not resolve") }
        if let parser = error as? HTTPParserError {
            if parser == .invalidEOFState { return problem(.reset, "connection closed before the answer was complete") }
            if parser == .headerOverflow { return problem(.headersTooLarge, "the answer's headers are too large (over about 80 KB)") }
            return problem(.notHTTP, "the answer is not HTTP")
        }
        if error is NIOSSLError || String(reflecting: type(of: error)).contains("BoringSSL") {
            return problem(.tls, "TLS handshake failed")
        }
        let text = String(describing: error).lowercased()
        if text.contains("timeout") || text.contains("timed out") {
            return APIError(kind: .timeout, message: "request timed out", host: host)
        }
        if text.contains("refused") { return problem(.refused, "connection refused") }
        if text.contains("reset") || text.contains("eof") || text.contains("closed") { return problem(.reset, "connection closed before the answer was complete") }
        return problem(.other, "connection failed (\(String(describing: type(of: error))))")
    }
}

