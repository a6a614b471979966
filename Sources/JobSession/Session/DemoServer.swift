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
    /// The scenario's jobs the API knows at start, each read on its service's path; the rest
    /// join with `arrivals()`.
    public let entries: [WatchEntry]

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
        options.domainID = DemoCredentials.domainID
        let simulator = JobSimulator(options: options)
        let url = try await simulator.start()
        let endpoint = try Endpoint(parsing: url)
        var profile = ProfileTarget(name: profileName, endpoint: endpoint, projectID: DemoCredentials.projectID, credential: DemoCredentials.credential)
        profile.place = "demo simulator"
        profile.domainID = DemoCredentials.domainID
        // The families after the first six each on a path of their own, as each is on a host of
        // its own in a region: a budget each, as the gateway counts them (the simulator serves
        // any job path under any prefix).
        let firstSix: Set<Service> = [.bms, .ecs, .evs, .ims, .vpc, .cce]
        for service in Service.all {
            profile.endpoints[service] = firstSix.contains(service) ? endpoint : try Endpoint(parsing: "\(url)/\(service.name)")
        }
        let entries = simulator.existingTopLevelJobs.map(Self.entry)
        return DemoServer(simulator: simulator, profile: profile, entries: entries)
    }

    /// The scenario's jobs as the API comes to know them (those of `entries` again first): a
    /// demo never shows a job as not found because it was asked before it was created.
    public func arrivals() -> AsyncMapSequence<AsyncStream<[SimulatedJob]>, [WatchEntry]> {
        simulator.arrivals().map { $0.map(Self.entry) }
    }

    private static func entry(_ job: SimulatedJob) -> WatchEntry {
        WatchEntry(profile: profileName, jobID: job.id, service: job.service)
    }
}
