import Foundation
import JobAPI
import JobModel

/// Where the engine gets a job's answer from: the scheduler knows no HTTP, signing or service
/// dialect, only this. `JobClient` is the real one; every network test still drives it against
/// the simulator over real HTTP.
public protocol JobFetching: Sendable {
    /// One read of one job; the error says what went wrong and how to treat it.
    /// - Parameter now: the wall-clock time for signing (`X-Sdk-Date`).
    func fetch(_ target: JobTarget, credential: Credential, now: Date) async throws(APIError) -> FetchedJob
}

extension JobClient: JobFetching {}
