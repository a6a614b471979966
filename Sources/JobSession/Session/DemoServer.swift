import JobModel
import JobAPI
import JobEngine
import JobSimulator

/// `--demo`: the simulator in this process, with the demo credentials, so the demo runs the
/// real signing path over real HTTP on loopback.
public struct DemoServer: Sendable {
    public static let profileName = "demo"
    public let simulator: JobSimulator
    public let profile: ProfileTarget

    public static func start(scenario: String?, speed: Double?) async throws -> DemoServer {
        var options = SimulatorOptions()
        if let scenario {
            options.scenario = try Scenario.Name(parsing: scenario)
        }
        guard (speed ?? 1) > 0, (speed ?? 1) <= 10_000 else {
            throw UsageError("--speed \(speed ?? 0) is out of range — give a factor above 0 and at most 10000")
        }
        // Real time, opened five minutes into the morning: some jobs done, some failed, one
        // stuck, and the big batch still going. --speed hurries it along. The quick scenario
        // is over within 30 scenario seconds, so it starts from its beginning.
        options.speed = speed ?? 1
        options.startOffset = options.scenario == .rollout ? 5 * 60 : 0
        options.credentials = .demo
        let simulator = JobSimulator(options: options)
        let url = try await simulator.start()
        let endpoint = try Endpoint(parsing: url)
        var profile = ProfileTarget(name: profileName, endpoint: endpoint, projectID: DemoCredentials.projectID, credential: DemoCredentials.credential)
        profile.place = "demo simulator"
        return DemoServer(simulator: simulator, profile: profile)
    }

    /// Every job of the scenario with its service, so each is read on its own path.
    public var entries: [WatchEntry] {
        simulator.topLevelJobs.map { WatchEntry(profile: Self.profileName, jobID: $0.id, service: $0.service) }
    }
}
