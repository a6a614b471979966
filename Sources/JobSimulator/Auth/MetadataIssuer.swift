import Foundation
import JobModel
import JobAPI
import Synchronization

/// How the simulator plays the ECS metadata service (`jobwatch simulator --metadata`).
public struct MetadataOptions: Sendable, Hashable {
    /// How long each temporary credential works: short, so refresh is exercised.
    public var lifetime: Duration
    /// Answer 403 to the session-token call, as older hosts do (the client must go on without).
    public var refusesTokenCall: Bool

    public init(lifetime: Duration = .seconds(60), refusesTokenCall: Bool = false) {
        self.lifetime = lifetime
        self.refusesTokenCall = refusesTokenCall
    }
}

/// Issues temporary AK/SK/security tokens and remembers them until they expire, so the job
/// API accepts exactly the unexpired ones. Made-up values that open nothing but the simulator.
final class MetadataIssuer: Sendable {
    let options: MetadataOptions
    private let state = Mutex(State())

    struct Issued: Sendable {
        var secretKey: Secret
        var securityToken: Secret
        var expiresAt: Date
    }

    struct State: Sendable {
        var issued: [String: Issued] = [:]
        var sessionTokens: Set<String> = []
        var count = 0
    }

    init(options: MetadataOptions) {
        self.options = options
    }

    var issuedCount: Int { state.withLock { $0.count } }

    func sessionToken() -> String {
        let token = "jwmeta-session-" + HTTPExchange.randomRequestID()
        state.withLock { _ = $0.sessionTokens.insert(token) }
        return token
    }

    func isKnownSessionToken(_ token: String) -> Bool {
        state.withLock { $0.sessionTokens.contains(token) }
    }

    func issue(at now: Date) -> (accessKeyID: String, issued: Issued) {
        state.withLock { state in
            state.count += 1
            let ak = String(format: "JWMETAAK%012d", state.count)
            let issued = Issued(
                secretKey: Secret("jwmeta-sk-" + HTTPExchange.randomRequestID()),
                securityToken: Secret("jwmeta-token-" + HTTPExchange.randomRequestID() + HTTPExchange.randomRequestID()),
                expiresAt: now.addingTimeInterval(Double(options.lifetime.components.seconds))
            )
            state.issued = state.issued.filter { $0.value.expiresAt > now }
            state.issued[ak] = issued
            return (ak, issued)
        }
    }

    /// The job API's credentials plus every temporary one still valid at `now`.
    func accepted(adding base: SimulatorCredentials?, at now: Date) -> SimulatorCredentials {
        var credentials = base ?? SimulatorCredentials()
        for (ak, issued) in state.withLock({ $0.issued }) where issued.expiresAt > now {
            credentials.accessKeys[ak] = issued.secretKey
            credentials.securityTokens[ak] = issued.securityToken
        }
        return credentials
    }
}
