import Crypto
import Foundation
import JobModel

/// How requests are authenticated.
public enum Credential: Sendable, Hashable {
    /// AK/SK signing (`SDK-HMAC-SHA256`), optionally temporary (with a security token).
    case accessKey(AccessKey)
    /// An IAM token sent as `X-Auth-Token`.
    case token(Secret)
    /// No authentication (only useful against a simulator that does not check).
    case none

    public struct AccessKey: Sendable, Hashable {
        public var accessKeyID: String
        public var secretKey: Secret
        public var securityToken: Secret?

        public init(accessKeyID: String, secretKey: Secret, securityToken: Secret? = nil) {
            self.accessKeyID = accessKeyID
            self.secretKey = secretKey
            self.securityToken = securityToken
        }
    }

    /// A stable, non-secret name for budgets and messages: the AK, or the kind.
    public var identity: String {
        switch self {
        case .accessKey(let key): "AK \(key.accessKeyID)"
        case .token: "IAM token"
        case .none: "anonymous"
        }
    }

    /// Tells credentials apart for budgets and stops without revealing them: the AK, or a
    /// token's hash (the first 12 hex digits of its SHA-256).
    public var budgetIdentity: String {
        switch self {
        case .accessKey(let key): "AK \(key.accessKeyID)"
        case .token(let token):
            "IAM token " + Signer.hex(Array(SHA256.hash(data: Data(token.exposed.utf8)).prefix(6)))
        case .none: "anonymous"
        }
    }

    /// What windows sharing the state tell credentials apart by: the budget identity and a
    /// fingerprint of the secrets (the first 8 hex digits of an HMAC-SHA256 keyed with them),
    /// so a wrong secret key never takes another window's answers for its own, and the
    /// secret is never written.
    public var sharingIdentity: String {
        let material = secrets.joined(separator: "\u{0}")
        guard !material.isEmpty else { return budgetIdentity }
        let mac = HMAC<SHA256>.authenticationCode(for: Data("jobwatch shared state".utf8), using: SymmetricKey(data: Data(material.utf8)))
        return budgetIdentity + " #" + Signer.hex(Array(mac.prefix(4)))
    }

    /// Every secret value this credential holds, for redaction.
    package var secrets: [String] {
        switch self {
        case .accessKey(let key): [key.secretKey.exposed, key.securityToken?.exposed].compactMap { $0 }.filter { !$0.isEmpty }
        case .token(let token): token.isEmpty ? [] : [token.exposed]
        case .none: []
        }
    }
}

extension Credential: CustomStringConvertible {
    public var description: String { identity }
}
