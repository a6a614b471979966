import Foundation
import JobAPI
import JobModel

/// Where the engine gets names of servers and volumes from: its second seam, beside
/// `JobFetching`. `ResourceLookupClient` is the real one.
public protocol ResourceLooking: Sendable {
    /// One lookup of at most `target.api.batchLimit` IDs; an ID missing from the answer was
    /// not found or has no name yet.
    func lookUp(_ ids: [String], at target: LookupTarget, credential: Credential, now: Date) async throws(APIError) -> ResourceLookup
}

extension ResourceLookupClient: ResourceLooking {}
