import Foundation
import JobModel
import JobAPI

/// The ECS metadata service's two calls, as the SDK makes them: `PUT
/// /meta-data/latest/api/token` for a session token, then `GET /openstack/latest/securitykey`
/// (with `X-Metadata-Token`, or without when the token call was refused).
enum MetadataRoute {
    static let tokenPath = "/meta-data/latest/api/token"
    static let securityKeyPath = "/openstack/latest/securitykey"

    /// nil when the request is not a metadata call.
    static func answer(_ request: ReceivedRequest, issuer: MetadataIssuer, now: Date) -> SimulatedAnswer? {
        switch request.path {
        case tokenPath:
            guard request.method.uppercased() == "PUT" else { return .html(405, "method not allowed") }
            if issuer.options.refusesTokenCall { return .html(403, "forbidden") }
            guard request.header("X-Metadata-Token-Ttl-Seconds").flatMap(Int.init) != nil else {
                return .html(400, "X-Metadata-Token-Ttl-Seconds is required")
            }
            return SimulatedAnswer(status: 200, contentType: "text/plain", body: Array(issuer.sessionToken().utf8))
        case securityKeyPath:
            guard request.method.uppercased() == "GET" else { return .html(405, "method not allowed") }
            // A token that is sent must be one this service gave.
            if let token = request.header("X-Metadata-Token"), !issuer.isKnownSessionToken(token) {
                return .html(401, "unauthorized")
            }
            let (ak, issued) = issuer.issue(at: now)
            return .json(200, .object([
                .init("credential", .object([
                    .init("access", .string(ak)),
                    .init("secret", .string(issued.secretKey.exposed)),
                    .init("securitytoken", .string(issued.securityToken.exposed)),
                    .init("expires_at", .string(expiryText(issued.expiresAt))),
                ])),
            ]))
        default:
            return nil
        }
    }

    /// `2024-05-01T10:00:00.000000Z`, the service's format.
    static func expiryText(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var text = formatter.string(from: date)
        text.removeLast()
        return text + ".000000Z"
    }
}
