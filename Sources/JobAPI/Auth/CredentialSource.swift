import Foundation
import JobModel

/// What a request is signed with, asked before each request: a fixed credential (cheap), or
/// temporary ones that are renewed (`RefreshingCredential`).
public enum CredentialSource: Sendable, Hashable {
    case fixed(Credential)
    case refreshing(RefreshingCredential)

    public func current(now: Date) async throws(APIError) -> Credential {
        switch self {
        case .fixed(let credential): return credential
        case .refreshing(let source): return try await source.current(now: now)
        }
    }

    /// Tells windows sharing the state apart (`Credential.sharingIdentity`); temporary
    /// credentials from one source share theirs.
    public var sharingIdentity: String {
        switch self {
        case .fixed(let credential): credential.sharingIdentity
        case .refreshing(let source): source.identity
        }
    }

    /// Stable across renewals: temporary AKs rotate, the quota they share does not.
    public var budgetIdentity: String {
        switch self {
        case .fixed(let credential): credential.budgetIdentity
        case .refreshing(let source): source.identity
        }
    }
}
