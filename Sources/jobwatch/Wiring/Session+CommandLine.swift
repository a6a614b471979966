import Foundation
import JobSession

extension Session {
    /// The session the command line asks for, in this process's environment; what standard
    /// input said besides job IDs goes to stderr, one line each, before anything else.
    static func start(_ common: CommonOptions, jobArguments: [String], includeConfiguredJobs: Bool, purpose: SessionPurpose) async throws -> Session {
        let session = try await make(
            flags: common.flags, jobArguments: jobArguments, environment: ProcessInfo.processInfo.environment,
            includeConfiguredJobs: includeConfiguredJobs, purpose: purpose)
        for notice in session.notices {
            StandardStreams.err("jobwatch: \(notice)\n")
        }
        return session
    }
}
