import JobModel
import JobAPI

/// The credentials the simulator accepts, checked exactly as the API gateway checks them.
public struct SimulatorCredentials: Sendable {
    /// AK → SK.
    public var accessKeys: [String: Secret]
    /// AK → the security token a temporary AK must come with. An AK not listed here may send
    /// any (signed) security token, or none.
    public var securityTokens: [String: Secret]
    /// IAM tokens accepted as `X-Auth-Token`.
    public var tokens: [Secret]

    public init(accessKeys: [String: Secret] = [:], securityTokens: [String: Secret] = [:], tokens: [Secret] = []) {
        self.accessKeys = accessKeys
        self.securityTokens = securityTokens
        self.tokens = tokens
    }

    /// From `HUAWEICLOUD_SDK_AK`/`_SK` (with `_SECURITY_TOKEN`, if set) and `HUAWEICLOUD_SDK_TOKEN`;
    /// nil when none is set (the simulator then checks nothing).
    public static func fromEnvironment(_ environment: [String: String]) -> SimulatorCredentials? {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return text
        }
        var credentials = SimulatorCredentials()
        if let ak = value(CredentialResolver.accessKeyVariable), let sk = value(CredentialResolver.secretKeyVariable) {
            credentials.accessKeys[ak] = Secret(sk)
            if let token = value(CredentialResolver.securityTokenVariable) {
                credentials.securityTokens[ak] = Secret(token)
            }
        }
        if let token = value(CredentialResolver.tokenVariable) {
            credentials.tokens.append(Secret(token))
        }
        return credentials.accessKeys.isEmpty && credentials.tokens.isEmpty ? nil : credentials
    }

    /// The built-in demo AK/SK that `--demo` signs with.
    public static let demo = SimulatorCredentials(accessKeys: [DemoCredentials.accessKeyID: Secret(DemoCredentials.secretKey)])
}

/// The demo's fixed AK/SK and project: not secret, they open nothing but the simulator.
public enum DemoCredentials {
    public static let accessKeyID = "JWDEMOAK000000000001"
    public static let secretKey = "jobwatch-demo-secret-opens-only-the-simulator"
    public static let projectID = "0d3c5e6f7a8b4c9d8e1f2a3b4c5d6e7f"
    /// The demo account's (domain) ID: Global EIP jobs and orders are the account's.
    public static let domainID = "9a8b7c6d5e4f40312233445566778899"

    /// The client side of `SimulatorCredentials.demo`.
    public static var credential: Credential {
        .accessKey(.init(accessKeyID: accessKeyID, secretKey: Secret(secretKey)))
    }
}
