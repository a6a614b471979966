import AsyncHTTPClient
import Foundation
import JobModel
import NIOCore
import NIOPosix
import NIOSSL

extension JobClient {
    /// A failed exchange, told in the route's terms: the proxy that refused (by `host:port`,
    /// never its login), or why the endpoint's certificate was refused.
    func failure(_ error: any Error, endpoint: Endpoint, route: Route) async -> APIError {
        let host = endpoint.hostHeader
        if let proxy = route.proxy.server, case .proxy(_, let origin) = route.proxy,
           let problem = Self.proxyProblem(error, proxy: "proxy \(proxy) (\(origin))", target: endpoint.connectTarget, login: proxy.user) {
            return APIError(kind: .transport, message: problem.message, host: host, transport: problem.kind)
        }
        if Self.isCertificateRefusal(error) {
            let why = await CertificateProbe.diagnose(endpoint, route: route, timeout: options.connectTimeout)
            return APIError(
                kind: .transport, message: why ?? "certificate refused", host: host, transport: .certificate,
                fix: why.map { Self.certificateFix($0, trust: route.trust) }
            )
        }
        return Self.transportError(error, host: host, limit: options.maxBodyBytes)
    }

    /// What the library says when verification, not the handshake itself, failed.
    static func isCertificateRefusal(_ error: any Error) -> Bool {
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname { return true }
        guard error is NIOSSLError else { return false }
        return String(describing: error).contains("CERTIFICATE_VERIFY_FAILED")
    }

    static func certificateFix(_ why: String, trust: TrustStore) -> String {
        if why.hasPrefix("certificate expired") { return "the endpoint's certificate must be renewed (or this host's clock is wrong)" }
        if why.hasPrefix("certificate not valid before") { return "set this host's clock right" }
        if why.hasPrefix("certificate is for") { return "use the endpoint's name the certificate is for (--endpoint, the profile's endpoint)" }
        return "\(trust.fixHint) (now trusting \(trust))"
    }

    /// Failures of the hop to the proxy, or of the proxy's tunnel; nil for anything else.
    static func proxyProblem(_ error: any Error, proxy: String, target: String, login: String?) -> (message: String, kind: APIError.TransportProblem)? {
        if let error = error as? HTTPClientError {
            switch error {
            case .proxyAuthenticationRequired:
                let detail = login.map { "refused the login of user \(OneLine.of($0).debugDescription)" } ?? "wants a login (407) and none was given"
                return ("\(proxy) \(detail)", .proxyAuthentication)
            case .invalidProxyResponse:
                let login = login.map { ": a wrong login for user \(OneLine.of($0).debugDescription), or a rule of the proxy" } ?? ""
                return ("\(proxy) refused the tunnel to \(target) (its answer to CONNECT was not 200\(login))", .proxy)
            case .httpProxyHandshakeTimeout:
                return ("\(proxy) did not answer CONNECT in time", .proxy)
            case .connectTimeout:
                return ("\(proxy) did not accept the connection in time", .proxy)
            default:
                return nil
            }
        }
        // Before the tunnel is up, a refused or unknown host is the proxy's.
        if let io = error as? IOError, io.errnoCode == ECONNREFUSED {
            return ("\(proxy) refused the connection", .proxy)
        }
        if let connection = error as? NIOConnectionError {
            if connection.dnsAError != nil || connection.dnsAAAAError != nil, connection.connectionErrors.isEmpty {
                return ("\(proxy): its host name does not resolve", .proxy)
            }
            if let first = connection.connectionErrors.first { return proxyProblem(first.error, proxy: proxy, target: target, login: login) }
        }
        return nil
    }
}
