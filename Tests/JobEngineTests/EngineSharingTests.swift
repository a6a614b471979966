import Foundation
import JobAPI
import JobEngine
import JobModel
import JobSimulator
import Testing

/// Two engines on one state database, as two windows of one user: one polls, the other reads
/// its answers; the dashboards' watch list is one. Real SQLite files, a real simulator on
/// 127.0.0.1, real time (leases are renewed on the wall clock every process shares).
@Suite(.serialized) struct EngineSharingTests {
    struct Window {
        let engine: Engine
        let runner: Task<Void, Never>

        func stop() async {
            runner.cancel()
            await runner.value
        }

        func ids() async -> Set<String> { Set(await engine.currentSnapshot().jobs.map(\.key.jobID)) }
    }

    final class Rig: Sendable {
        let simulator: JobSimulator
        let client: JobClient
        let profile: ProfileTarget
        let folder: String
        var path: String { folder + "/state.db" }

        init() async throws {
            var options = SimulatorOptions()
            options.scenario = .rollout
            options.credentials = .demo
            simulator = JobSimulator(options: options)
            let url = try await simulator.start()
            profile = ProfileTarget(name: "test", endpoint: try Endpoint(parsing: url), projectID: DemoCredentials.projectID, credential: DemoCredentials.credential)
            client = JobClient(options: ClientOptions())
            folder = NSTemporaryDirectory() + "jobwatch-sharing-\(UUID().uuidString)"
        }

        func window(_ ids: [String], role: StateRole = .sharedWatchList, restore: Bool = true) async throws -> Window {
            let database = StateDatabase(path: path)
            let restored = restore && role == .sharedWatchList ? try await database.load(.watched).file : nil
            var settings = EngineSettings.testing
            settings.interval = .seconds(2)
            settings.requestsPerMinute = 600
            let engine = Engine(profiles: [profile], client: client, settings: settings, state: database, stateRole: role, restored: restored)
            try await engine.add(ids.map { WatchEntry(profile: "test", jobID: $0) })
            if role == .ownJobs { await engine.adoptSharedAnswers() }
            return Window(engine: engine, runner: Task { await engine.run() })
        }

        func requests(_ ids: [String]) async -> Int {
            var total = 0
            for id in ids { total += await simulator.requestCount(jobID: id) }
            return total
        }

        func shutdown() async {
            await client.shutdown()
            await simulator.stop()
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// Waits for a condition on real time, checking every 100 ms.
    func eventually(within limit: Duration, _ condition: () async -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return await condition()
    }

    @Test func twoDashboardsShareOneWatchListAndOnePoller() async throws {
        let rig = try await Rig()
        let ids = rig.simulator.existingTopLevelJobs.filter { !$0.service.name.isEmpty }.map(\.id)
        try #require(ids.count >= 4, "the rollout scenario has jobs from the start")
        let first = try await rig.window(Array(ids[0..<2]))
        let second = try await rig.window(Array(ids[2..<4]))
        let all = Set(ids[0..<4])
        let shared = await eventually(within: .seconds(15)) { await first.ids() == all && second.ids() == all }
        #expect(shared, "each window shows the other's jobs: \(await first.ids()), \(await second.ids())")

        // Every job read, by whichever polls; then a fixed stretch in which only one window asks.
        let read = await eventually(within: .seconds(15)) {
            await second.engine.currentSnapshot().jobs.allSatisfy { $0.readAt != nil } && first.engine.currentSnapshot().jobs.allSatisfy { $0.readAt != nil }
        }
        #expect(read, "both windows show every job's answer")
        let pollers = await [first, second].asyncCount { window in
            await window.engine.currentSnapshot().budgets.contains { $0.polledByProcess == nil }
        }
        #expect(pollers == 1, "one window polls, the other says which one does")
        await first.stop()
        await second.stop()
        let saved = try await StateDatabase(path: rig.path).load(.watched)
        #expect(Set(saved.file.jobs.map(\.jobID)) == all, "nothing lost: the last writer does not win")
        await rig.shutdown()
    }

    @Test func aJobRemovedInOneWindowLeavesTheOther() async throws {
        let rig = try await Rig()
        let ids = Array(rig.simulator.existingTopLevelJobs.map(\.id).prefix(3))
        let first = try await rig.window(ids)
        let second = try await rig.window([])
        #expect(await eventually(within: .seconds(15)) { await second.ids() == Set(ids) })
        let gone = try #require(await first.engine.currentSnapshot().jobs.first { $0.key.jobID == ids[0] }?.key)
        await first.engine.remove(gone)
        let removed = await eventually(within: .seconds(15)) { await second.ids() == Set(ids.dropFirst()) }
        #expect(removed, "removed in one window, gone from the other: \(await second.ids())")
        await first.stop()
        await second.stop()
        await rig.shutdown()
    }

    @Test func aWaitBesideADashboardReadsItsAnswers() async throws {
        let rig = try await Rig()
        let ids = Array(rig.simulator.existingTopLevelJobs.map(\.id).prefix(3))
        let dashboard = try await rig.window(ids)
        #expect(await eventually(within: .seconds(15)) { await dashboard.engine.currentSnapshot().jobs.allSatisfy { $0.readAt != nil } })
        let before = await rig.requests(ids)
        let wait = try await rig.window(ids, role: .ownJobs)
        // Known at once from the database, before any request of its own.
        #expect(await wait.engine.currentSnapshot().jobs.allSatisfy { $0.readAt != nil }, "the wait starts from the dashboard's answers")
        try await Task.sleep(for: .seconds(6))  // a stretch of polling to count, not a synchronisation
        let polledByDashboard = await dashboard.engine.currentSnapshot().budgets.allSatisfy { $0.polledByProcess == nil }
        let waitPolls = await wait.engine.currentSnapshot().budgets.allSatisfy { $0.polledByProcess == nil }
        #expect(polledByDashboard && !waitPolls, "the dashboard keeps polling; the wait reads")
        let during = await rig.requests(ids) - before
        // One poller at a 2 s interval for 6 s: about 3 rounds of the 3 jobs; two pollers would be twice.
        #expect(during <= 3 * 5, "\(during) requests in 6 s for 3 jobs")
        await wait.stop()
        await dashboard.stop()
        await rig.shutdown()
    }

    @Test func aStoppedPollerHandsOverAtOnce() async throws {
        let rig = try await Rig()
        let ids = Array(rig.simulator.existingTopLevelJobs.map(\.id).prefix(2))
        let first = try await rig.window(ids)
        #expect(await eventually(within: .seconds(10)) { await first.engine.currentSnapshot().jobs.allSatisfy { $0.readAt != nil } })
        let second = try await rig.window(ids)
        #expect(await eventually(within: .seconds(5)) { await second.engine.currentSnapshot().budgets.allSatisfy { $0.polledByProcess != nil } })
        await first.stop()
        // A stop frees the lease: the next round (every 2 s) takes it, long before it expires.
        let took = await eventually(within: .seconds(4)) { await second.engine.currentSnapshot().budgets.allSatisfy { $0.polledByProcess == nil } }
        #expect(took, "the remaining window polls")
        await second.stop()
        await rig.shutdown()
    }
}

extension Array {
    func asyncCount(_ predicate: (Element) async -> Bool) async -> Int {
        var count = 0
        for element in self where await predicate(element) { count += 1 }
        return count
    }
}
