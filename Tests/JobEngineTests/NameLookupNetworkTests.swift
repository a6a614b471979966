import Foundation
import JobModel
import JobAPI
import JobEngine
import JobSimulator
import Testing

/// Lookups through the real client against the simulator, on virtual time.
@Suite("Name lookups against the simulator")
struct NameLookupNetworkTests {
    @Test("a wait over the 24-server batch asks each name once, and the state database keeps them")
    func batchAskedOnce() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/state.db"
        let h = try await EngineHarness.make(scenario: .rollout, state: StateDatabase(path: path), names: true)
        let batch = try #require(h.simulator.topLevelJobIDs.first)
        try await h.watch([batch])
        await h.advance(by: .seconds(1000), step: .seconds(5))
        let bare = h.simulator.resources.filter { $0.api == .bmsServer }
        let state = try #require(await h.state(batch))
        let servers = Set(state.job?.subJobs.compactMap { $0.entities["server_id"] } ?? [])
        #expect(servers.count == 24)
        #expect(Set(state.resources.keys) == servers, "every server named")
        #expect(state.resources.values.allSatisfy { $0.name?.hasPrefix("db-bare-") == true && $0.fixedAddress != nil })
        let asked = await h.simulator.lookupRequestCount(.bmsServer)
        #expect(asked < 12, "the list names many servers a request (\(asked) requests for 24)")
        #expect(bare.count >= 24)
        await h.shutdown()

        // The engine saved as it stopped; another process reads the database.
        let reader = StateDatabase(path: path)
        let saved = try await reader.load(.watched).file
        await reader.close()
        #expect(saved.jobs.map(\.jobID) == [batch])
        #expect(saved.resources?.count == 24)
        // A second run over the same file knows the names without asking.
        let again = Engine(profiles: [h.profile], client: FakeJobs(clock: h.clock, servers: 0), lookups: CountingLookups(), settings: .testing, clock: h.clock, restored: saved)
        let restored = await again.currentSnapshot().jobs.first
        #expect(restored?.resources.isEmpty == true, "attached when the engine runs")
        let runner = Task { await again.run() }
        await waitForRead(atMost: .seconds(20)) { (await again.currentSnapshot().jobs.first?.resources.count ?? 0) >= 24 }
        let named = await again.currentSnapshot().jobs.first?.resources.count ?? 0
        #expect(named == 24)
        runner.cancel()
        await runner.value
    }

    @Test("the late ECS server is 404 at first, asked again with backoff, then named")
    func lateServerNamedLater() async throws {
        let h = try await EngineHarness.make(scenario: .rollout, names: true)
        let ecs = try #require(h.simulator.topLevelJobs.first { $0.service == .ecs })
        // The batch is created a minute into the scenario and names its servers 10 s later;
        // the late server answers 404 for its first minute after that.
        await h.advance(by: .seconds(75))
        try await h.engine.add([WatchEntry(profile: "test", jobID: ecs.id, service: .ecs)])
        await h.advance(by: .seconds(40), step: .seconds(2))
        let late = try #require(h.simulator.resources.first { $0.visibleFrom > 0 })
        var state = try #require(await h.state(ecs.id))
        #expect(state.resources.count == 3, "three of four named from the first batch")
        #expect(state.resources[late.id] == nil)
        await h.advance(by: .seconds(200), step: .seconds(2))
        state = try #require(await h.state(ecs.id))
        #expect(state.resources[late.id]?.name == late.name)
        let asked = await h.simulator.lookupRequestCount(.ecsServers)
        #expect(asked >= 2 && asked <= 5, "one batch, then a few single asks: \(asked)")
        await h.advance(by: .seconds(300), step: .seconds(5))
        #expect(await h.simulator.lookupRequestCount(.ecsServers) == asked, "never asked again once named")
        await h.shutdown()
    }

    @Test("the lookup403 fault: one notice, IDs stay, jobs are read")
    func forbiddenAtTheSimulator() async throws {
        let h = try await EngineHarness.make(scenario: .rollout, faults: FaultPlan([.init(.lookupForbidden, .always)]), names: true)
        let batch = try #require(h.simulator.topLevelJobIDs.first)
        try await h.watch([batch])
        await h.advance(by: .seconds(120), step: .seconds(2))
        let snapshot = await h.snapshot()
        #expect(snapshot.nameNotices.count == 1)
        #expect(snapshot.jobs.first?.resources.isEmpty == true)
        #expect(snapshot.jobs.first?.job != nil)
        #expect(await h.simulator.lookupRequestCount(.bmsServer) == 1)
        await h.shutdown()
    }
}

/// Counts lookups and answers none.
final class CountingLookups: ResourceLooking {
    func lookUp(_ ids: [String], at target: LookupTarget, credential: Credential, now: Date) async throws(APIError) -> ResourceLookup {
        Issue.record("no lookup expected: \(ids)")
        return ResourceLookup(resources: [:], requests: 1)
    }
}
