import Foundation
import JobAPI
@testable import JobSimulator

/// A simulator for the official SDKs to ask: frozen at scenario time `at`, so each job's status
/// is known, on the wall clock's time, so `X-Sdk-Date` passes; it checks one AK/SK (and serves
/// one project and domain). Stopped after `body`, whatever `body` throws.
enum FrozenSimulator {
    static func with(
        scenario: Scenario.Name, at: Double, accessKey: String, secretKey: String, projectID: String, domainID: String? = nil,
        _ body: (JobSimulator, String) async throws -> Void
    ) async throws {
        var options = SimulatorOptions(scenario: scenario, projectID: projectID, credentials: SimulatorCredentials(accessKeys: [accessKey: Secret(secretKey)]))
        options.domainID = domainID
        let frozen = Date()
        options.now = { frozen }
        options.startOffset = at
        let simulator = JobSimulator(options: options)
        let url = try await simulator.start()
        let result: Result<Void, any Error>
        do {
            try await body(simulator, url)
            result = .success(())
        } catch {
            result = .failure(error)
        }
        await simulator.stop()
        try result.get()
    }
}
