import Foundation
import JobModel
import JobAPI

/// What `doctor` found for one profile and service: where the credential and project came
/// from, and how one signed request fared. Holds no secret: the AK is shortened, SKs and
/// tokens are never read into it.
struct DoctorCheck: Encodable {
    enum Outcome: String, Encodable {
        /// The signature was accepted (a 404 for a job that cannot exist proves it).
        case ok
        /// 401/403: the gateway refused the credential.
        case refused
        /// No usable answer (no connection, a timeout, the metadata service, another status).
        case failed
    }

    var profile: String
    var service: String
    var credential: String
    var credentialSource: String
    var endpoint: String
    /// `via proxy 127.0.0.1:3128 (HTTPS_PROXY)`, `direct (NO_PROXY matches .internal)`.
    var route: String
    var tls: String
    var caFile: String?
    var projectID: String
    var projectIDSource: String
    var outcome: Outcome
    var httpStatus: Int?
    var errorCode: String?
    var message: String
    var requestID: String?
    /// Local clock minus the server's `Date`, in seconds.
    var clockSkewSeconds: Double?

    enum CodingKeys: String, CodingKey {
        case profile, service, credential, tls, endpoint, route, outcome, message
        case credentialSource = "credential_source", caFile = "ca_file", projectID = "project_id"
        case projectIDSource = "project_id_source", httpStatus = "http_status", errorCode = "error_code"
        case requestID = "request_id", clockSkewSeconds = "clock_skew_seconds"
    }

    /// `AK HPUA…0001`, `IAM token`, `none`: what signs, never the secret part.
    static func describe(_ credential: Credential) -> String {
        switch credential {
        case .accessKey(let key):
            let temporary = key.securityToken == nil ? "" : " (temporary, with a security token)"
            return "AK \(shortAccessKey(key.accessKeyID))\(temporary)"
        case .token: return "IAM token"
        case .none: return "none (requests are not signed)"
        }
    }

    /// Head and tail only: enough to tell keys apart, too little to paste anywhere.
    static func shortAccessKey(_ ak: String) -> String {
        ak.count > 8 ? "\(ak.prefix(4))…\(ak.suffix(4))" : "\(ak.prefix(2))…"
    }

    static func tls(of endpoint: Endpoint, trust: TrustStore) -> String {
        guard endpoint.scheme == "https" else { return "none: plain http (loopback only)" }
        return "TLS, certificate verified against \(trust)"
    }

    static func caFile(of trust: TrustStore) -> String? {
        if case .caFile(let path, _) = trust.source { path } else { nil }
    }

    /// A few lines a person reads, like `gh auth status`.
    var lines: [String] {
        var lines = ["profile \(profile) · \(service)"]
        lines.append("  credential  \(credential) from \(credentialSource)")
        lines.append("  endpoint    \(endpoint) — \(tls)")
        lines.append("  route       \(route)")
        lines.append("  project     \(projectID) from \(projectIDSource)")
        let mark = outcome == .ok ? "ok" : outcome == .refused ? "REFUSED" : "FAILED"
        lines.append("  request     \(mark) — \(message)")
        if let skew = clockSkewSeconds {
            let rounded = Int(skew.rounded())
            let text = abs(rounded) <= 2 ? "in step with the server (\(rounded)s)"
                : "\(abs(rounded))s \(rounded > 0 ? "ahead of" : "behind") the server" + (abs(skew) > 5 * 60 ? " — signatures are refused from 15 minutes off: fix the clock (NTP)" : "")
            lines.append("  clock       \(text)")
        }
        return lines
    }
}
