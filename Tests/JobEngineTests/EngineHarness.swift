import Clocks
import Foundation
import JobModel
import JobAPI
import JobEngine
import JobSimulator

/// An engine on virtual time, polling a simulator over real HTTP on 127.0.0.1.
/// The simulator reads the same virtual clock, so scenarios and signatures agree with it.
struct EngineHarness {
    let testClock: TestClock<Duration>
    let clock: EngineClock
    let simulator: JobSimulator
    let client: JobClient
    let engine: Engine
    let runner: Task<Void, Never>
    let profile: ProfileTarget

    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func make(
        scenario: Scenario.Name = .quick,
        faults: FaultPlan = .none,
        settings: EngineSettings = .testing,
        simulatorCredentials: SimulatorCredentials? = .demo,
        credential: Credential = DemoCredentials.credential,
        state: StateDatabase? = nil,
        stateRole: StateRole = .sharedWatchList,
        restored: StateFile? = nil,
        names: Bool = false,
        serverIDFilter: ServerIDFilter = .both
    ) async throws -> EngineHarness {
        let testClock = TestClock<Duration>()
        let clock = EngineClock(testClock, startDate: start)
        var options = SimulatorOptions()
        options.scenario = scenario
        options.faults = faults
        options.credentials = simulatorCredentials
        options.now = { clock.date }
        options.serverIDFilter = serverIDFilter
        let simulator = JobSimulator(options: options)
        let url = try await simulator.start()
        let profile = ProfileTarget(name: "test", endpoint: try Endpoint(parsing: url), projectID: DemoCredentials.projectID, credential: credential)
        var clientOptions = ClientOptions()
        // Under `settle`'s 20 s: a loaded CI machine took over 5 s for one loopback answer, and a
        // timed-out first read left a test with no job to check.
        clientOptions.requestTimeout = .seconds(15)
        let client = JobClient(options: clientOptions)
        let lookups = names ? ResourceLookupClient(client: client) : nil
        let engine = Engine(
            profiles: [profile], client: client, lookups: lookups, settings: settings, clock: clock, state: state, stateRole: stateRole, restored: restored
        )
        let runner = Task { await engine.run() }
        return EngineHarness(testClock: testClock, clock: clock, simulator: simulator, client: client, engine: engine, runner: runner, profile: profile)
    }

    func watch(_ ids: [String]) async throws {
        try await engine.add(ids.map { WatchEntry(profile: "test", jobID: $0) })
        await settle()
    }

    /// Lets every request that is due go out and come back.
    func settle() async {
        await engine.settle()
    }

    /// Moves virtual time forward in steps, letting requests finish at each step.
    func advance(by total: Duration, step: Duration = .seconds(1)) async {
        var moved = Duration.zero
        while moved < total {
            let next = min(step, total - moved)
            await testClock.advance(by: next)
            await settle()
            moved += next
        }
    }

    func snapshot() async -> Snapshot { await engine.currentSnapshot() }

    func state(_ id: String) async -> JobState? {
        await snapshot().jobs.first { $0.key.jobID == id }
    }

    func shutdown() async {
        runner.cancel()
        await runner.value
        await simulator.stop()
        await client.shutdown()
    }
}

extension EngineSettings {
    static var testing: EngineSettings {
        var settings = EngineSettings()
        settings.randomSeed = 42
        return settings
    }
}
