import Foundation
import JobAPI
import JobEngine
import JobModel
import JobSimulator

/// One simulator on loopback (the `soak` scenario: any 32-hex ID is a job that runs for
/// minutes), one state database, and one config for every jobwatch window a test starts
/// side by side. The simulator runs in the test process so the test counts requests per job.
struct SharedStateRig {
    /// The simulator, scratch folder, config and binary (as the faults tests have them).
    let harness: FaultHarness
    var simulator: JobSimulator { harness.simulator }
    var baseURL: String { harness.baseURL }
    var scratch: Scratch { harness.scratch }
    var runner: BinaryRunner { harness.runner }

    /// A 1 s interval and a budget that never binds: every window would poll as fast as its
    /// jobs allow, so a second poller would show as more requests, not as a slower one.
    static let config = """
        {"poll": {"interval": "1s", "requests_per_minute": 3000, "request_timeout": "15s",
                  "connect_timeout": "5s", "heartbeat": "1h"}}
        """

    var stateFile: String { scratch.file("state.db") }

    static func with<T>(_ body: (SharedStateRig) async throws -> T) async throws -> T {
        // No gateway quota: three windows that did not share would show as three times the requests, not as 429s.
        let options = SimulatorOptions(scenario: .soak, speed: 1, quota: RateQuota(limit: 1_000_000))
        return try await FaultHarness.with(options: options, config: config) { harness in
            try await body(SharedStateRig(harness: harness))
        }
    }

    /// Fresh job IDs of the soak scenario (each job begins when first asked for).
    static func jobIDs(_ count: Int) -> [String] {
        (0..<count).map { _ in UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased() }
    }

    /// `command` against the simulator, on the shared state database (or another `state`).
    func arguments(_ command: [String], state: String? = nil) -> [String] {
        harness.arguments(command) + ["--state-file", state ?? stateFile]
    }

    /// Requests the simulator received for these jobs so far.
    func requests(for ids: [String]) async -> Int {
        var total = 0
        for id in ids { total += await simulator.requestCount(jobID: id) }
        return total
    }

    /// Jobs of `ids` whose answer the state database holds.
    func savedAnswers(for ids: [String]) async throws -> Int {
        let endpoint = try Endpoint(parsing: baseURL).identity
        let database = StateDatabase(path: stateFile)
        let loaded = try await database.load(.jobs(ids.map { JobKey(endpoint: endpoint, projectID: "p1", jobID: $0) }))
        await database.close()
        return loaded.file.jobs.filter { $0.job != nil }.count
    }

    /// The dashboard of these arguments in a tmux pane of its own.
    func dashboard(_ command: [String], state: String? = nil) async throws -> EndpointDashboard {
        try await EndpointDashboard.start(arguments(command, state: state), scratch: scratch)
    }
}
