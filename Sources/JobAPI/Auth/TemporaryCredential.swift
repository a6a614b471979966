import Foundation
import JobModel

/// A temporary AK/SK with its security token, and when it stops working.
public struct TemporaryCredential: Sendable, Hashable {
    public var key: Credential.AccessKey
    public var expiresAt: Date

    public init(key: Credential.AccessKey, expiresAt: Date) {
        self.key = key
        self.expiresAt = expiresAt
    }
}

/// Where temporary credentials come from (the ECS metadata service; a stand-in in tests).
public protocol TemporaryCredentialFetching: Sendable {
    /// A stable, non-secret name: the budget identity across rotating temporary AKs.
    var identity: String { get }
    /// New temporary credentials; the error is one line a person can act on.
    func fetchTemporary() async throws(APIError) -> TemporaryCredential
}
