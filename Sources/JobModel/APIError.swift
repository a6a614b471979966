import Foundation

/// Everything that can go wrong reading a job, as one value whose description is one line
/// a person can act on. No secret ever appears in it: texts that come from the server are
/// passed through the client's redactor before they are stored here.
public struct APIError: Error, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The server answered with an error status.
        case http
        /// The server answered 200 with something that is not a job.
        case invalidResponse
        /// The body was larger than the client accepts.
        case bodyTooLarge
        /// The request did not finish in time.
        case timeout
        /// Connection refused, reset or dropped, DNS, TLS.
        case transport
        /// The request could not be made (bad endpoint, bad job ID).
        case invalidRequest
        /// The service said it has no such job other than with a 404: the database family's
        /// 400 `DBS.200543`, GeminiDB's and DMS's empty lists (`Service.notFoundCodes`).
        case noSuchJob
    }

    /// What a `.transport` failure was, for the message and for whether asking again helps.
    public enum TransportProblem: Sendable, Hashable {
        /// Nothing listens there: asking again in a second will not help.
        case refused
        /// The host name does not resolve.
        case unknownHost
        /// The connection was reset or closed mid-answer: a retry may well succeed.
        case reset
        /// Something answered that does not speak HTTP (an SSH banner, a TLS server to http).
        case notHTTP
        /// The TLS handshake failed for another reason than the certificate (plain http on the port).
        case tls
        /// The answer's headers are over the parser's limit (about 80 KB: a cookie flood).
        case headersTooLarge
        /// The endpoint's certificate is not trusted, expired, or for another name: a
        /// configuration error (`--ca-file`, `SSL_CERT_FILE`), never retried.
        case certificate
        /// The proxy refused the connection, or the tunnel (`CONNECT`) to the endpoint.
        case proxy
        /// The proxy asks for a login (407) it was not given, or refused the one given.
        case proxyAuthentication
        case other
    }

    public var kind: Kind
    public var httpStatus: Int?
    /// The API's error code, e.g. `APIGW.0301`.
    public var code: String?
    /// The API's (or the transport's) message.
    public var message: String
    /// `X-Request-Id` of the response, for support tickets.
    public var requestId: String?
    /// `Retry-After`, in seconds from the moment the response arrived.
    public var retryAfter: TimeInterval?
    /// The host the request went to.
    public var host: String?
    /// For `.transport`: what kind of failure.
    public var transport: TransportProblem?
    /// What to do, when only the client knows it (which certificate store to add a CA to).
    public var fix: String?

    public init(
        kind: Kind, httpStatus: Int? = nil, code: String? = nil, message: String,
        requestId: String? = nil, retryAfter: TimeInterval? = nil, host: String? = nil,
        transport: TransportProblem? = nil, fix: String? = nil
    ) {
        self.transport = transport
        self.fix = fix
        self.kind = kind
        self.httpStatus = httpStatus
        self.code = code
        self.message = message
        self.requestId = requestId
        self.retryAfter = retryAfter
        self.host = host
    }

    /// How a poller should treat this error.
    public enum Category: Sendable, Hashable {
        /// 401: credentials refused; retrying locks the AK.
        case unauthorized
        /// 403: no permission for the project.
        case forbidden
        /// 404: unknown job, or purged after it finished.
        case notFound
        /// 429: throttled.
        case throttled
        /// 5xx, timeouts, resets, HTML from a proxy, bodies that are not jobs: try again later.
        case transient
        /// Will not get better by retrying (bad request, bad endpoint).
        case permanent
        /// The route to the endpoint is misconfigured (its certificate is not trusted, the
        /// proxy wants a login): every request there would fail alike until the config changes.
        case misconfigured
    }

    public var category: Category {
        switch kind {
        case .http:
            switch httpStatus ?? 0 {
            case 401: return .unauthorized
            case 403: return .forbidden
            case 404: return .notFound
            case 429: return .throttled
            case 408, 500...599: return .transient
            default: return .permanent
            }
        case .transport where transport == .certificate || transport == .proxyAuthentication: return .misconfigured
        case .invalidResponse, .bodyTooLarge, .timeout, .transport: return .transient
        case .invalidRequest: return .permanent
        case .noSuchJob: return .notFound
        }
    }

    /// Whether asking again soon can give another answer: 429, 5xx, 408, timeouts, resets.
    /// Not a 200 that is not a job, another 4xx, an unknown host or a refused connection.
    public var isWorthRetrying: Bool {
        switch category {
        case .throttled: return true
        case .transient:
            switch kind {
            case .http, .timeout: return true
            case .transport: return transport == .reset
            case .invalidResponse, .bodyTooLarge, .invalidRequest, .noSuchJob: return false
            }
        case .unauthorized, .forbidden, .notFound, .permanent, .misconfigured: return false
        }
    }
}

extension APIError: CustomStringConvertible {
    /// One line: what happened, then what to do about it.
    public var description: String {
        var what = ""
        if let httpStatus { what += "HTTP \(httpStatus) " }
        if let code, !code.isEmpty { what += "\(code) " }
        what += message.isEmpty ? "(no message)" : message
        if let host { what += " [\(host)]" }
        if let requestId, !requestId.isEmpty { what += " (request \(requestId))" }
        return "\(OneLine.of(what)) — \(hint)"
    }

    /// What the person can do about it: the client's own `fix` when it knows better (the
    /// metadata service is not the job API), else what the kind of failure suggests.
    public var hint: String {
        if let fix, category != .misconfigured { return fix }
        switch category {
        case .unauthorized:
            if message.lowercased().contains("expired") || message.lowercased().contains("date") {
                return "check the local clock (signatures expire 15 minutes off) and the token's validity"
            }
            return "check HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK (or the token) and that they belong to this region; polling with it stopped, since repeated failures lock the AK for 5 minutes"
        case .forbidden: return "the credential lacks permission for this project: check the project ID and IAM policy"
        case .notFound: return "check the job ID and project ID; finished jobs are purged about a day later"
        case .throttled: return "the API quota is exhausted: lower requests_per_minute if this repeats"
        case .transient:
            switch kind {
            case .timeout: return "the endpoint did not answer in time: check the endpoint URL and the network"
            case .transport:
                switch transport {
                case .refused?: return "nothing listens there: check the endpoint's host and port"
                case .unknownHost?: return "check the endpoint's host name (or --region) and DNS"
                case .notHTTP?: return "that port does not speak HTTP: check the endpoint URL"
                case .tls?: return "is the endpoint http rather than https?"
                case .headersTooLarge?: return "something between here and the API (a proxy, a load balancer) sends far too many headers: check the endpoint URL and the proxy"
                case .proxy?: return "check that the proxy runs and lets this host through (https_proxy/HTTPS_PROXY, --proxy, or NO_PROXY to go direct)"
                default: return "check the endpoint URL and the network"
                }
            case .bodyTooLarge: return "the response is not a job answer; check the endpoint URL"
            case .invalidResponse: return "the endpoint did not answer like the job API; check the endpoint URL or proxy"
            default: return "the server had a problem: if it lasts, check the cloud's status page"
            }
        case .permanent:
            return kind == .invalidRequest ? "fix the request as described" : "check the job ID, project ID and endpoint"
        case .misconfigured:
            if transport == .proxyAuthentication {
                return "give the proxy's login in its URL (http://user:password@host:port) in --proxy, the profile's proxy or https_proxy; polling there stopped until the config changes"
            }
            return "\(fix ?? "give its CA with --ca-file or SSL_CERT_FILE"); polling there stopped until the config changes"
        }
    }
}
