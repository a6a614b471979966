import Foundation
import JobModel
import JobAPI
@testable import JobSimulator

/// A simulator on 127.0.0.1 (port 0) with a manual clock, and a real `JobClient` talking to it.
struct SimulatorHarness {
    static let projectID = "0123456789abcdef0123456789abcdef"

    let simulator: JobSimulator
    let client: JobClient
    let endpoint: Endpoint
    let clock: ManualClock

    /// Runs `body` against a fresh simulator, and always stops both ends.
    static func with<T>(
        _ options: SimulatorOptions = SimulatorOptions(scenario: .quick),
        clock: ManualClock = ManualClock(),
        clientOptions: ClientOptions = ClientOptions(),
        _ body: (SimulatorHarness) async throws -> T
    ) async throws -> T {
        var options = options
        options.now = clock.function
        let simulator = JobSimulator(options: options)
        let url = try await simulator.start()
        let client = JobClient(options: clientOptions)
        let harness = SimulatorHarness(simulator: simulator, client: client, endpoint: try Endpoint(parsing: url), clock: clock)
        do {
            let result = try await body(harness)
            await client.shutdown()
            await simulator.stop()
            return result
        } catch {
            await client.shutdown()
            await simulator.stop()
            throw error
        }
    }

    /// One fetch, signed with `credential` at the clock's time (or `signedAt`).
    func fetch(
        _ jobID: String, service: Service = .bms, credential: Credential = .none, projectID: String = SimulatorHarness.projectID, signedAt: Date? = nil
    ) async throws(APIError) -> Job {
        let target = JobTarget(service: service, endpoint: endpoint, projectID: projectID, jobID: jobID)
        return try await client.fetch(target, credential: credential, now: signedAt ?? clock.now).job
    }

    /// The error a fetch ends with; fails the test when it succeeds.
    func fetchError(
        _ jobID: String, service: Service = .bms, credential: Credential = .none, projectID: String = SimulatorHarness.projectID, signedAt: Date? = nil
    ) async -> APIError? {
        do {
            _ = try await fetch(jobID, service: service, credential: credential, projectID: projectID, signedAt: signedAt)
            return nil
        } catch {
            return error
        }
    }
}
