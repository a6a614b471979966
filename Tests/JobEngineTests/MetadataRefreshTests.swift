import Clocks
import Foundation
import JobModel
import JobAPI
import JobEngine
import JobSimulator
import Testing

/// Temporary credentials from the simulator's metadata stand-in (60 s each), renewed by the
/// engine's credential source on virtual time while it polls: no request may be refused
/// and polling may not pause.
@Suite struct MetadataRefreshTests {
    @Test func renewedBeforeExpiryWithoutAGap() async throws {
        let testClock = TestClock<Duration>()
        let clock = EngineClock(testClock, startDate: EngineHarness.start)
        var options = SimulatorOptions(scenario: .rollout)
        options.credentials = SimulatorCredentials()
        options.metadata = MetadataOptions(lifetime: .seconds(60))
        options.now = { clock.date }
        let simulator = JobSimulator(options: options)
        let url = try await simulator.start()

        let source = RefreshingCredential(fetcher: MetadataCredentials(environment: [MetadataCredentials.urlVariable: url], timeout: .seconds(30)))
        var profile = ProfileTarget(name: "test", endpoint: try Endpoint(parsing: url), projectID: DemoCredentials.projectID, credential: .none)
        profile.credentialSource = .refreshing(source)
        var settings = EngineSettings.testing
        settings.interval = .seconds(5)
        settings.requestsPerMinute = 120
        settings.policy.notFoundRetry = .seconds(5)
        settings.policy.notSeenRetry = .seconds(5)
        let client = JobClient()
        let engine = Engine(profiles: [profile], client: client, settings: settings, clock: clock)
        let runner = Task { await engine.run() }
        // Unknown IDs answer 404 after the signature check and are asked again: steady traffic.
        let ids = (0..<3).map { String(format: "%032x", $0 + 0xFEED00) }
        try await engine.add(ids.map { WatchEntry(profile: "test", jobID: $0) })

        var perMinute: [Int] = []
        var previous = 0
        for _ in 0..<5 {
            for _ in 0..<60 {
                await testClock.advance(by: .seconds(1))
                await engine.settle()
            }
            let total = await simulator.totalRequests()
            perMinute.append(total - previous)
            previous = total
        }
        let snapshot = await engine.currentSnapshot()
        let refused = snapshot.jobs.compactMap(\.lastError).filter { $0.category == .unauthorized }
        #expect(refused.isEmpty, "a request was signed with an expired credential: \(refused)")
        #expect(snapshot.jobs.allSatisfy { $0.health == .notFound }, "\(snapshot.jobs.map(\.health))")
        #expect(perMinute.allSatisfy { $0 >= 6 }, "polling paused: \(perMinute)")
        // 5 minutes of 60 s credentials renewed after 40 s: 7 or 8 fetched.
        let issued = await simulator.metadataCredentialsIssued()
        #expect((6...9).contains(issued), "credentials issued: \(issued)")
        #expect(await source.renewals == issued)
        // One budget across the rotating AKs.
        #expect(snapshot.budgets.map(\.credential) == ["metadata@\(url)"])

        runner.cancel()
        await runner.value
        await simulator.stop()
        await client.shutdown()
    }
}
