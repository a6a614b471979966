import Foundation
import JobAPI
import JobEngine
import JobModel
import JobSimulator
import SQLiteNIO
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

        /// - Parameter profile: this window's own (the rig's, by default).
        func window(
            _ ids: [String], role: StateRole = .sharedWatchList, restore: Bool = true, profile: ProfileTarget? = nil, interval: Duration = .seconds(2)
        ) async throws -> Window {
            let profile = profile ?? self.profile
            let database = StateDatabase(path: path)
            let restored = restore && role == .sharedWatchList ? try await database.load(.watched).file : nil
            var settings = EngineSettings.testing
            settings.interval = interval
            settings.requestsPerMinute = 600
            let engine = Engine(profiles: [profile], client: client, settings: settings, state: database, stateRole: role, restored: restored)
            try await engine.add(ids.map { WatchEntry(profile: profile.name, jobID: $0) })
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
        let shared = await eventually(within: .seconds(30)) {
            let one = await first.ids(), two = await second.ids()
            return one == all && two == all
        }
        let seen = (await first.ids(), await second.ids())
        #expect(shared, "each window shows the other's jobs: \(seen)")

        // Every job read, by whichever polls; then a fixed stretch in which only one window asks.
        let read = await eventually(within: .seconds(30)) {
            let one = await first.engine.currentSnapshot(), two = await second.engine.currentSnapshot()
            return (one.jobs + two.jobs).allSatisfy { $0.readAt != nil }
        }
        let unread = await [first, second].asyncMap { window in
            await window.engine.currentSnapshot().jobs.filter { $0.readAt == nil }.map { "\($0.key.jobID) \($0.health) \($0.lastError?.message ?? "")" }
        }
        let budgets = await [first, second].asyncMap { window in await window.engine.currentSnapshot().budgets.map { "\($0.polledByProcess ?? -1) \($0.usedLastMinute)" } }
        #expect(read, "both windows show every job's answer; unread: \(unread), budgets: \(budgets)")
        let pollers = await [first, second].asyncCount { window in
            await window.engine.currentSnapshot().budgets.contains { $0.polledByProcess == nil }
        }
        #expect(pollers == 1, "one window polls, the other says which one does")
        await first.stop()
        await second.stop()
        let database = StateDatabase(path: rig.path)
        let saved = try await database.load(.watched)
        await database.close()
        #expect(Set(saved.file.jobs.map(\.jobID)) == all, "nothing lost: the last writer does not win")
        await rig.shutdown()
    }

    /// Saved rows were written in a set's order: another window listed the jobs shuffled.
    @Test func aSecondWindowListsTheJobsInTheFirstOnesOrder() async throws {
        let rig = try await Rig()
        let ids = Array(rig.simulator.existingTopLevelJobs.map(\.id).prefix(8))
        try #require(ids.count == 8)
        let first = try await rig.window(ids)
        let reader = StateDatabase(path: rig.path)
        let saved = await eventually(within: .seconds(30)) { (try? await reader.load(.watched).file.jobs.count) == ids.count }
        #expect(saved)
        #expect(try await reader.load(.watched).file.jobs.map(\.jobID) == ids)
        await reader.close()
        let second = try await rig.window([])
        #expect(await second.engine.currentSnapshot().jobs.map(\.key.jobID) == ids)
        await second.stop()
        await first.stop()
        await rig.shutdown()
    }

    @Test func aJobRemovedInOneWindowLeavesTheOther() async throws {
        let rig = try await Rig()
        let ids = Array(rig.simulator.existingTopLevelJobs.map(\.id).prefix(3))
        let first = try await rig.window(ids)
        let second = try await rig.window([])
        #expect(await eventually(within: .seconds(30)) { await second.ids() == Set(ids) })
        let gone = try #require(await first.engine.currentSnapshot().jobs.first { $0.key.jobID == ids[0] }?.key)
        await first.engine.remove(gone)
        let removed = await eventually(within: .seconds(30)) { await second.ids() == Set(ids.dropFirst()) }
        let left = await second.ids()
        let reader = StateDatabase(path: rig.path)
        let watchedNow = try await reader.load(.watched).file.jobs.map(\.jobID)
        await reader.close()
        #expect(removed, "removed in one window, gone from the other: \(left); watched in the database: \(watchedNow)")
        await first.stop()
        await second.stop()
        await rig.shutdown()
    }

    @Test func aWaitBesideADashboardReadsItsAnswers() async throws {
        let rig = try await Rig()
        let ids = Array(rig.simulator.existingTopLevelJobs.map(\.id).prefix(3))
        let dashboard = try await rig.window(ids)
        // The dashboard's answers are in the database (saved about a second after they came).
        let reader = StateDatabase(path: rig.path)
        let saved = await eventually(within: .seconds(30)) {
            guard let keys = try? await reader.load(.watched).file.jobs, keys.count == ids.count else { return false }
            return keys.allSatisfy { $0.readAt != nil }
        }
        await reader.close()
        #expect(saved)
        // The same stretch of polling, with the dashboard alone and with a wait beside it.
        let stretch = Duration.seconds(6)
        let start = await rig.requests(ids)
        try await Task.sleep(for: stretch)  // a measuring window, not a synchronisation
        let alone = await rig.requests(ids) - start
        let wait = try await rig.window(ids, role: .ownJobs)
        let adopted = await wait.engine.currentSnapshot().jobs.allSatisfy { $0.readAt != nil }
        #expect(adopted, "the wait starts from the dashboard's answers, before any request of its own")
        let before = await rig.requests(ids)
        try await Task.sleep(for: stretch)
        let beside = await rig.requests(ids) - before
        let waitReads = await wait.engine.currentSnapshot().budgets.allSatisfy { $0.polledByProcess != nil }
        #expect(waitReads, "the dashboard polls; the wait reads its answers")
        // Without sharing the wait would add as many requests again.
        #expect(beside <= alone + ids.count, "\(beside) requests with the wait beside, \(alone) alone")
        await wait.stop()
        await dashboard.stop()
        await rig.shutdown()
    }

    @Test func aJobPolledForAnotherWindowIsShownOnceAddedHere() async throws {
        let rig = try await Rig()
        let ids = Array(rig.simulator.existingTopLevelJobs.map(\.id).prefix(2))
        try #require(ids.count == 2)
        let dashboard = try await rig.window([ids[0]])
        #expect(await eventually(within: .seconds(30)) { await dashboard.engine.currentSnapshot().jobs.allSatisfy { $0.readAt != nil } })
        // The wait's job is polled by the dashboard, as a guest it does not show.
        let wait = try await rig.window([ids[1]], role: .ownJobs)
        let guest = await eventually(within: .seconds(30)) {
            let snapshot = await wait.engine.currentSnapshot()
            return snapshot.jobs.allSatisfy { $0.readAt != nil } && snapshot.budgets.allSatisfy { $0.polledByProcess != nil }
        }
        #expect(guest, "the dashboard polls the wait's job")
        #expect(await dashboard.ids() == [ids[0]], "a guest is not shown")
        let added = try await dashboard.engine.add([WatchEntry(profile: "test", jobID: ids[1])])
        #expect(added.map(\.jobID) == [ids[1]])
        #expect(await dashboard.ids() == Set(ids), "added here: shown at once, with the answer it has")
        let shown = await dashboard.engine.currentSnapshot().jobs.first { $0.key.jobID == ids[1] }
        #expect(shown?.readAt != nil)
        await wait.stop()
        await dashboard.stop()
        await rig.shutdown()
    }

    /// `get`: a fresh answer of a job still running is taken while a window polls it; once no
    /// window does, the next `get` asks the server (a change of proxy or key is then tried).
    @Test func aGetTakesARunningJobsAnswerOnlyWhileAWindowPollsIt() async throws {
        let rig = try await Rig()
        let ids = Array(rig.simulator.existingTopLevelJobs.map(\.id).prefix(6))
        let dashboard = try await rig.window(ids)
        let reader = StateDatabase(path: rig.path)
        let saved = await eventually(within: .seconds(30)) {
            guard let jobs = try? await reader.load(.watched).file.jobs, jobs.count == ids.count else { return false }
            return jobs.allSatisfy { $0.readAt != nil }
        }
        await reader.close()
        #expect(saved)
        let running = Set(await dashboard.engine.currentSnapshot().jobs.filter { $0.job.map { !$0.status.isTerminal } ?? false }.map(\.key.jobID))
        try #require(!running.isEmpty, "the rollout has jobs still running at its start")

        // What a get holds before it asks anything (its engine not yet run).
        func getsAnswer() async throws -> Set<String> {
            let database = StateDatabase(path: rig.path)
            let get = Engine(profiles: [rig.profile], client: rig.client, settings: .testing, state: database, stateRole: .ownJobs)
            try await get.add(ids.map { WatchEntry(profile: "test", jobID: $0) })
            await get.adoptSharedAnswers(unfinishedWithin: .seconds(60), whilePolled: true)
            let answered = Set(await get.currentSnapshot().jobs.filter { $0.readAt != nil }.map(\.key.jobID))
            await database.close()
            return answered
        }
        let beside = try await getsAnswer()
        #expect(running.isSubset(of: beside), "beside the polling dashboard a get takes its answers")
        await dashboard.stop()
        let alone = try await getsAnswer()
        #expect(alone.isDisjoint(with: running), "no window polls: the running jobs are asked again, \(alone)")
        await rig.shutdown()
    }

    /// A `wait` given `--endpoint` (profile "default") beside a dashboard's named profile of
    /// the same credential: the poller took on only wants of a profile of the same name, and
    /// the wait, following that budget, never saw an answer.
    @Test func aWaitOfAnotherProfileNameIsAnsweredByThePoller() async throws {
        let rig = try await Rig()
        let ids = Array(rig.simulator.existingTopLevelJobs.map(\.id).prefix(3))
        let dashboard = try await rig.window(Array(ids.prefix(2)))
        #expect(await eventually(within: .seconds(20)) { await dashboard.engine.currentSnapshot().jobs.allSatisfy { $0.readAt != nil } })
        let script = ProfileTarget(name: "default", endpoint: rig.profile.endpoint, projectID: rig.profile.projectID, credential: rig.profile.credential)
        let wait = try await rig.window([ids[2]], role: .ownJobs, profile: script)
        let answered = await eventually(within: .seconds(20)) { await wait.engine.currentSnapshot().jobs.allSatisfy { $0.readAt != nil } }
        #expect(answered, "the wait's job is answered")
        let follows = await eventually(within: .seconds(30)) { await wait.engine.currentSnapshot().budgets.allSatisfy { $0.polledByProcess != nil } }
        #expect(follows, "by the dashboard's poller")
        await wait.stop()
        await dashboard.stop()
        await rig.shutdown()
    }

    /// A job in a project no profile of the poller reaches: the poller refuses it, and its own
    /// window polls that budget itself rather than wait for answers that never come.
    @Test func aJobThePollerCannotReachIsPolledByItsOwnWindow() async throws {
        let rig = try await Rig()
        let ids = Array(rig.simulator.existingTopLevelJobs.map(\.id).prefix(3))
        let dashboard = try await rig.window(Array(ids.prefix(2)))
        #expect(await eventually(within: .seconds(20)) { await dashboard.engine.currentSnapshot().budgets.allSatisfy { $0.polledByProcess == nil } })
        let elsewhere = ProfileTarget(name: "other", endpoint: rig.profile.endpoint, projectID: "another-project", credential: rig.profile.credential)
        let wait = try await rig.window([ids[2]], role: .ownJobs, profile: elsewhere)
        let polledHere = await eventually(within: .seconds(20)) {
            let budgets = await wait.engine.currentSnapshot().budgets
            return await rig.simulator.requestCount(jobID: ids[2]) > 0 && budgets.allSatisfy { $0.polledByProcess == nil }
        }
        #expect(polledHere, "refused by the dashboard, the wait asks for its job itself")
        await wait.stop()
        await dashboard.stop()
        await rig.shutdown()
    }

    /// `r` in a window that follows: its budget's poller reads the job now (it did nothing).
    @Test func aRefreshInAFollowerIsReadByThePoller() async throws {
        let rig = try await Rig()
        let ids = Array(rig.simulator.existingTopLevelJobs.map(\.id).prefix(2))
        let poller = try await rig.window(ids, interval: .seconds(600))
        #expect(await eventually(within: .seconds(20)) { await poller.engine.currentSnapshot().jobs.allSatisfy { $0.readAt != nil } })
        let follower = try await rig.window(ids, interval: .seconds(600))
        #expect(await eventually(within: .seconds(30)) { await follower.engine.currentSnapshot().budgets.allSatisfy { $0.polledByProcess != nil } })
        let job = try #require(await follower.engine.currentSnapshot().jobs.first { $0.key.jobID == ids[0] && !$0.isTerminal })
        let before = await rig.simulator.requestCount(jobID: ids[0])
        await follower.engine.refresh(job.key)
        let read = await eventually(within: .seconds(30)) { await rig.simulator.requestCount(jobID: ids[0]) > before }
        #expect(read, "the poller reads the job the follower asked for")
        let stillFollows = await follower.engine.currentSnapshot().budgets.allSatisfy { $0.polledByProcess != nil }
        #expect(stillFollows, "and the follower does not poll it itself")
        await follower.stop()
        await poller.stop()
        await rig.shutdown()
    }

    @Test func aStoppedPollerHandsOverAtOnce() async throws {
        let rig = try await Rig()
        let ids = Array(rig.simulator.existingTopLevelJobs.map(\.id).prefix(2))
        let first = try await rig.window(ids)
        #expect(await eventually(within: .seconds(30)) { await first.engine.currentSnapshot().jobs.allSatisfy { $0.readAt != nil } })
        let second = try await rig.window(ids)
        #expect(await eventually(within: .seconds(30)) { await second.engine.currentSnapshot().budgets.allSatisfy { $0.polledByProcess != nil } })
        let leases = try await StateDatabaseTests.connection(to: rig.path)
        let holders = try await leases.query("SELECT holder FROM leases").compactMap { $0.column("holder")?.string }
        await first.stop()
        // A stop frees the lease (its row is gone), so the next round takes it, long before it
        // would expire: proven by the row, not by a race against the expiry on a loaded machine.
        let left = try await leases.query("SELECT holder FROM leases").compactMap { $0.column("holder")?.string }
        try await leases.close()
        #expect(!holders.isEmpty && left.allSatisfy { !holders.contains($0) }, "held by \(holders), left \(left)")
        let took = await eventually(within: .seconds(20)) { await second.engine.currentSnapshot().budgets.allSatisfy { $0.polledByProcess == nil } }
        #expect(took, "the remaining window polls")
        await second.stop()
        await rig.shutdown()
    }
}
