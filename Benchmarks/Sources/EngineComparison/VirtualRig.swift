import Clocks
import Foundation
import JobModel
import JobAPI
import JobEngine
import JobSimulator

/// The rollout scenario served over real HTTP on 127.0.0.1, on a virtual clock that the
/// simulator and the poller under test share: scenario time, `X-Sdk-Date` and the engine's
/// timers all move only when `advance` moves them, so a 20-minute scenario runs in seconds and
/// every run gives the same numbers.
struct VirtualRig {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    let testClock: TestClock<Duration>
    let clock: EngineClock
    let simulator: JobSimulator
    let client: JobClient
    let profile: ProfileTarget

    static func make(scenario: Scenario.Name, seed: UInt64?) async throws -> VirtualRig {
        let testClock = TestClock<Duration>()
        let clock = EngineClock(testClock, startDate: start)
        var options = SimulatorOptions(scenario: scenario, speed: 1)
        options.credentials = .demo
        options.domainID = DemoCredentials.domainID
        options.seed = seed
        // JOBWATCH_REQUEST_LOG=FILE: every request of the run, at scenario time, to read a rule's effect.
        if let path = ProcessInfo.processInfo.environment["JOBWATCH_REQUEST_LOG"] { options.requestLog = RequestLog(path: path) }
        options.now = { clock.date }
        let simulator = JobSimulator(options: options)
        let url = try await simulator.start()
        var profile = ProfileTarget(
            name: "bench", endpoint: try Endpoint(parsing: url), projectID: DemoCredentials.projectID,
            credential: DemoCredentials.credential)
        profile.domainID = DemoCredentials.domainID
        // Each service on a path of its own, as each is on a host of its own in a region: a
        // budget each, as the engine counts them (the simulator serves any job path under any
        // prefix).
        for service in Service.all { profile.endpoints[service] = try Endpoint(parsing: "\(url)/\(service.name)") }
        var clientOptions = ClientOptions()
        clientOptions.requestTimeout = .seconds(5)
        let client = JobClient(options: clientOptions)
        return VirtualRig(testClock: testClock, clock: clock, simulator: simulator, client: client, profile: profile)
    }

    /// Each top-level job's service.
    var services: [String: Service] {
        Dictionary(simulator.topLevelJobs.map { ($0.id, $0.service) }, uniquingKeysWith: { a, _ in a })
    }

    /// Scenario seconds now (the simulator started with the clock at zero).
    var now: Double { clock.elapsed.seconds }

    /// Moves virtual time by `step`, then lets every request that became due go out and come
    /// back before time moves again (`inFlight` tells when they have).
    func advance(by step: Duration, inFlight: () async -> Int) async {
        await testClock.advance(by: step)
        await settle(inFlight: inFlight)
    }

    func settle(inFlight: () async -> Int) async {
        for _ in 0..<2 {
            for _ in 0..<20 { await Task.yield() }
            var waited = 0
            while await inFlight() > 0, waited < 10_000 {
                try? await Task.sleep(for: .milliseconds(1))
                waited += 1
            }
        }
    }

    /// The ledger of the scenario's changes within `horizon`.
    func ledger(horizon: Double) -> ChangeLedger {
        ChangeLedger(changes: simulator.scenario.scheduledChanges, services: services, horizon: horizon)
    }

    /// Sets the gateway's quota for the storm's minutes, and back to its default outside them.
    func storm(_ storm: BenchScenario.Storm?) async {
        guard let storm else { return }
        let inside = now >= storm.from && now < storm.until
        simulator.setQuota(inside ? RateQuota(limit: storm.perMinute, stated: RateQuota.gatewayDefault.limit) : .gatewayDefault)
    }

    func requestsByJob() async -> [(type: String, requests: Int)] {
        var result: [(type: String, requests: Int)] = []
        for job in simulator.topLevelJobs {
            result.append((job.type, await simulator.requestCount(jobID: job.id)))
        }
        return result
    }

    func shutdown() async {
        await simulator.stop()
        await client.shutdown()
    }
}
