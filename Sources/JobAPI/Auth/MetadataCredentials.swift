import AsyncHTTPClient
import Foundation
import JobModel
import NIOCore
import NIOHTTP1

/// The ECS metadata service's temporary credentials (an IAM agency on the host), read as the
/// official SDK reads them: `PUT /meta-data/latest/api/token`, then
/// `GET /openstack/latest/securitykey` with `X-Metadata-Token` (without it when the token call
/// is refused). Only ever contacted when metadata auth was asked for.
public struct MetadataCredentials: TemporaryCredentialFetching {
    /// Replaces the base URL (tests and the simulator's stand-in always set it).
    public static let urlVariable = "JOBWATCH_METADATA_URL"
    public static let defaultURL = "http://169.254.169.254"
    /// Each call's whole exchange: the real service answers in milliseconds.
    public static let timeout: Duration = .seconds(3)
    static let tokenTTLSeconds = "21600"
    static let agencyFix = "--auth metadata needs an ECS host with an IAM agency; elsewhere set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK"

    public let baseURL: String
    /// `timeout`, except in-process tests on a loaded machine.
    public let callTimeout: Duration
    /// The same proxy rules as the job API's; the real service (link-local) is always direct.
    public let route: ProxyRoute

    public init(environment: [String: String], proxy: ProxySetting = .off, timeout: Duration = Self.timeout) {
        callTimeout = timeout
        let given = environment[Self.urlVariable]?.trimmingCharacters(in: .whitespaces) ?? ""
        var url = given.isEmpty ? Self.defaultURL : given
        while url.hasSuffix("/") { url.removeLast() }
        baseURL = url
        let parts = URLComponents(string: url)
        let scheme = parts?.scheme?.lowercased() ?? "http"
        route = proxy.route(scheme: scheme, host: parts?.host ?? "", port: parts?.port ?? (scheme == "https" ? 443 : 80))
    }

    public var identity: String { "metadata@\(baseURL)" }

    public func fetchTemporary() async throws(APIError) -> TemporaryCredential {
        let token = try await sessionToken()
        var request = HTTPClientRequest(url: baseURL + "/openstack/latest/securitykey")
        request.method = .GET
        if let token { request.headers.add(name: "X-Metadata-Token", value: token) }
        let (status, body) = try await exchange(request)
        guard status == 200 else {
            throw APIError(kind: .http, httpStatus: status, message: "the metadata service at \(baseURL) gave no credentials (HTTP \(status))", host: host, fix: Self.agencyFix)
        }
        guard let credential = Self.decode(body) else {
            throw APIError(
                kind: .invalidResponse, httpStatus: status, message: "the metadata service at \(baseURL) answered without access, secret, securitytoken and expires_at", host: host,
                fix: "that is not the ECS metadata service: check \(Self.urlVariable) (unset: \(Self.defaultURL)), and that no proxy answers for it"
            )
        }
        return credential
    }

    private var host: String { URL(string: baseURL)?.host ?? baseURL }

    /// The session token, or nil when the service refuses to give one (older hosts).
    private func sessionToken() async throws(APIError) -> String? {
        var request = HTTPClientRequest(url: baseURL + "/meta-data/latest/api/token")
        request.method = .PUT
        request.headers.add(name: "X-Metadata-Token-Ttl-Seconds", value: Self.tokenTTLSeconds)
        let (status, body) = try await exchange(request)
        guard status == 200 else { return nil }
        let token = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return token.isEmpty ? nil : token
    }

    private func exchange(_ request: HTTPClientRequest) async throws(APIError) -> (Int, Data) {
        do {
            guard let server = route.server else {
                return try await Self.execute(request, on: HTTPClient.shared, timeout: callTimeout)
            }
            // Asked once per credential lifetime: a client for the call, shut down after it.
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow, proxy: JobClient.proxyConfiguration(server)))
            let result: Result<(Int, Data), any Error>
            do { result = .success(try await Self.execute(request, on: client, timeout: callTimeout)) } catch { result = .failure(error) }
            try? await client.shutdown()
            return try result.get()
        } catch {
            let seconds = callTimeout.components.seconds
            let cause = JobClient.transportError(error, host: host, limit: 64 * 1024)
            let what = cause.kind == .timeout ? "no answer within \(seconds)s" : cause.message
            // No host: the APIError's hint then speaks of this service, not the job endpoint.
            throw APIError(kind: cause.kind, message: "no credentials from the metadata service at \(baseURL): \(what)", transport: cause.transport, fix: Self.agencyFix)
        }
    }

    private static func execute(_ request: HTTPClientRequest, on client: HTTPClient, timeout: Duration) async throws -> (Int, Data) {
        let response = try await client.execute(request, timeout: .nanoseconds(Int64(timeout.nanoseconds)))
        var body = try await response.body.collect(upTo: 64 * 1024)
        return (Int(response.status.code), Data(body.readBytes(length: body.readableBytes) ?? []))
    }

    /// `{"credential": {"access", "secret", "securitytoken", "expires_at"}}`.
    static func decode(_ body: Data) -> TemporaryCredential? {
        guard let root = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let fields = root["credential"] as? [String: Any],
              let access = fields["access"] as? String, !access.isEmpty,
              let secret = fields["secret"] as? String, !secret.isEmpty,
              let expiry = (fields["expires_at"] as? String).flatMap(parseExpiry)
        else { return nil }
        let token = (fields["securitytoken"] as? String).flatMap { $0.isEmpty ? nil : Secret($0) }
        return TemporaryCredential(key: .init(accessKeyID: access, secretKey: Secret(secret), securityToken: token), expiresAt: expiry)
    }

    /// `2024-05-01T10:00:00.000000Z`: ISO 8601, with or without a fraction of any length.
    static func parseExpiry(_ text: String) -> Date? {
        var whole = text.trimmingCharacters(in: .whitespaces)
        var fraction = 0.0
        if let dot = whole.firstIndex(of: ".") {
            let digits = whole[whole.index(after: dot)...].prefix { $0.isNumber }
            fraction = Double("0." + digits) ?? 0
            whole.removeSubrange(dot..<whole.index(dot, offsetBy: digits.count + 1))
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: whole)?.addingTimeInterval(fraction)
    }
}
