import Foundation
import JobModel
import JobAPI
@testable import JobEngine
import JobSimulator
import Testing

@Suite("Job identity and budget keys")
struct IdentityTests {
    @Test("a job finished at one endpoint is asked again when the same ID is watched at another")
    func finishedElsewhereIsAskedHere() async throws {
        let h = try await EngineHarness.make(scenario: .quick)
        let id = try #require(h.simulator.topLevelJobIDs.first)
        // Saved under the same profile name, but the profile pointed at another port then.
        let elsewhere = JobKey(endpoint: "127.0.0.1:1", projectID: h.profile.projectID, jobID: id)
        let restored = StateFile(savedAt: EngineHarness.start, jobs: [
            .init(profile: "test", key: elsewhere, jobID: id, label: nil, job: Job(id: id, type: "baremetalBatchCreate", status: .success), readAt: EngineHarness.start),
        ], events: [])
        let engine = Engine(profiles: [h.profile], client: h.client, settings: .testing, clock: h.clock, restored: restored)
        let runner = Task { await engine.run() }
        try await engine.add([WatchEntry(profile: "test", jobID: id)])
        await waitForRead(atMost: .seconds(20)) { await h.simulator.requestCount(jobID: id) > 0 }
        #expect(await h.simulator.requestCount(jobID: id) >= 1, "the job at this endpoint is asked")
        let states = await engine.currentSnapshot().jobs
        #expect(states.count == 2, "the job at the old endpoint and the one here are two jobs")
        let old = try #require(states.first { $0.key == elsewhere })
        #expect(old.health == .detached)
        #expect(old.detachedReason?.contains("points elsewhere") == true)
        #expect(states.contains { $0.key == h.profile.key(for: id) })
        runner.cancel()
        await runner.value
        await h.shutdown()
    }

    @Test("an entry of an older state file whose profile is gone is kept, shown as such, and saved again")
    func olderEntryKept() async throws {
        let v1 = #"""
        {"version":1,"savedAt":"2027-01-15T08:00:00.000Z","events":[{"at":"2027-01-15T07:59:00.000Z","key":{"profile":"old","jobID":"aaaa"},"from":"RUNNING","to":"SUCCESS"}],
         "jobs":[{"entry":{"key":{"profile":"old","jobID":"aaaa"},"label":"web"},"job":{"id":"aaaa","status":"SUCCESS","entities":{"attributes":[],"subJobs":[]}},"readAt":"2027-01-15T08:00:00.000Z"}]}
        """#
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobwatch-v1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.json").path
        try Data(v1.utf8).write(to: URL(fileURLWithPath: path))
        let store = StateStore(path: path)
        let file = try #require(try store.load())
        #expect(file.jobs.first?.key == nil)
        #expect(file.jobs.first?.profile == "old")
        #expect(file.events.first?.profile == "old")
        #expect(file.events.first?.key == .unplaced(jobID: "aaaa"))
        // Saved again in the current format, the entry is still there.
        try store.save(file)
        let again = try #require(try store.load())
        #expect(again.version == StateFile.currentVersion)
        #expect(again.jobs.map(\.jobID) == ["aaaa"])
        #expect(again.jobs.first?.label == "web")

        // The version-1 file beside a new database is imported into it; an engine without that
        // profile keeps the entry, not polled, says why, and leaves it in the database.
        try Data(v1.utf8).write(to: URL(fileURLWithPath: path))
        let databasePath = folder.appendingPathComponent("state.db").path
        let database = StateDatabase(path: databasePath)
        let loaded = try await database.load(.watched)
        #expect(loaded.file.jobs.map(\.jobID) == ["aaaa"])
        let client = JobClient()
        defer { Task { await client.shutdown() } }
        let profile = ProfileTarget(name: "new", endpoint: try Endpoint(parsing: "http://127.0.0.1:9"), projectID: "p", credential: .none)
        let engine = Engine(profiles: [profile], client: client, state: database, restored: loaded.file)
        let state = try #require(await engine.currentSnapshot().jobs.first)
        #expect(state.health == .detached)
        #expect(state.detachedReason?.contains("older state file") == true)
        let runner = Task { await engine.run() }
        await engine.settle()
        runner.cancel()
        await runner.value
        let reopened = StateDatabase(path: databasePath)
        let kept = try await reopened.load(.watched)
        await reopened.close()
        #expect(kept.file.jobs.map(\.jobID) == ["aaaa"], "kept, not lost")
        #expect(kept.file.jobs.first?.label == "web")
        #expect(kept.file.jobs.first?.profile == "old")
    }

    @Test("a state file with 120k events keeps the last 10,000 and counts the rest")
    func eventsAreBoundedAndCounted() async throws {
        let key = JobKey(endpoint: "127.0.0.1:9", projectID: "p", jobID: "aaaa")
        let events = (0..<120_000).map { Transition(at: Date(timeIntervalSince1970: 1_800_000_000 + Double($0)), key: key, profile: "p", from: .running, to: .running) }
        let file = StateFile(savedAt: Date(timeIntervalSince1970: 1_800_000_000), jobs: [], events: events, droppedEvents: 5)
        let client = JobClient()
        let engine = Engine(profiles: [], client: client, restored: file)
        #expect(await engine.eventLog().count == Engine.maxEvents)
        #expect(await engine.eventLog().last == events.last, "the newest are kept")
        #expect(await engine.droppedEventCount() == 5 + 120_000 - Engine.maxEvents)
        #expect(await engine.currentSnapshot().droppedEvents == 5 + 120_000 - Engine.maxEvents)
        await client.shutdown()
    }

    @Test("budgets are per credential and endpoint: two IAM tokens, and two ports, are apart")
    func budgetKeys() throws {
        let a = Credential.token(Secret("token-a-0123456789"))
        let b = Credential.token(Secret("token-b-0123456789"))
        #expect(a.budgetIdentity != b.budgetIdentity)
        #expect(!a.budgetIdentity.contains("token-a"), "never the token itself")
        let one = try Endpoint(parsing: "http://127.0.0.1:8001")
        let two = try Endpoint(parsing: "http://127.0.0.1:8002")
        #expect(one.identity != two.identity)
        #expect(try Endpoint(parsing: "https://bms.cn-north-4.myhuaweicloud.com").identity == "bms.cn-north-4.myhuaweicloud.com:443")
        #expect(try Endpoint(parsing: "https://BMS.cn-north-4.myhuaweicloud.com:443/").identity == "bms.cn-north-4.myhuaweicloud.com:443")
    }

    @Test("a refused token stops only its own profile")
    func refusedTokenStopsOnlyItself() async throws {
        let good = Secret("good-token-000000000000")
        let h = try await EngineHarness.make(scenario: .quick, simulatorCredentials: SimulatorCredentials(tokens: [good]), credential: .token(good))
        let bad = ProfileTarget(name: "bad", endpoint: h.profile.endpoint, projectID: h.profile.projectID, credential: .token(Secret("bad-token-111111111111")))
        let engine = Engine(profiles: [h.profile, bad], client: h.client, settings: .testing, clock: h.clock)
        let runner = Task { await engine.run() }
        let ids = h.simulator.topLevelJobIDs
        try await engine.add([WatchEntry(profile: "bad", jobID: ids[0]), WatchEntry(profile: "test", jobID: ids[1])])
        await waitForRead(atMost: .seconds(20)) { await engine.currentSnapshot().jobs.allSatisfy { $0.health != .pending } }
        let states = await engine.currentSnapshot().jobs
        #expect(states.first { $0.entry.profile == "bad" }?.health == .authStopped)
        #expect(states.first { $0.entry.profile == "test" }?.readAt != nil, "the other token goes on")
        let budgets = await engine.currentSnapshot().budgets
        #expect(budgets.count == 2)
        #expect(budgets.filter { $0.stoppedReason != nil }.count == 1)
        runner.cancel()
        await runner.value
        await h.shutdown()
    }
}

@Suite("Quota margin")
struct QuotaMarginTests {
    @Test("200 jobs at a 30/min budget: a server counting its own minute (up to 4 s off ours) never sees more than 30")
    func serverWindowNeverOver() async throws {
        let h = try await EngineHarness.make(scenario: .soak)
        // The server's minute is not ours: model it as a window 4 s longer, on its own ledger.
        h.simulator.setQuota(RateQuota(limit: 30, window: .seconds(64)))
        let ids = (0..<200).map { String(format: "%032x", 0xabc000 + $0) }
        try await h.watch(ids)
        await h.advance(by: .seconds(300), step: .seconds(1))
        #expect(await h.simulator.overQuotaRequests() == 0, "no request went over the server's quota")
        let sent = await h.simulator.totalRequests()
        #expect(sent >= 100, "the budget is used: \(sent) requests in 5 minutes")
        await h.shutdown()
    }
}

@Suite("Stream endings")
struct StreamEndingTests {
    /// `wait`'s timeout fires while the job's state is still the 429; a request in flight then
    /// finishes it. The summary is taken from the engine's last state, not from that moment.
    @Test func summaryComesFromTheLastState() async throws {
        let h = try await EngineHarness.make(scenario: .quick, faults: FaultPlan([.init(.throttle(retryAfter: 1), .always)]))
        let id = try #require(h.simulator.topLevelJobs.first { $0.type == "baremetalAttachVolume" }?.id)
        try await h.watch([id])
        let atTimeout = await h.snapshot()
        #expect(atTimeout.jobs.first?.lastError?.httpStatus == 429)
        let ending = StreamEnding.timedOut(atTimeout.jobs)
        h.simulator.setFaults(.none)
        await h.advance(by: .seconds(120), step: .seconds(2))
        let final = await h.snapshot()
        #expect(final.jobs.first?.status == .success)
        guard case .allDone(let states) = ending.settled(with: final) else {
            Issue.record("a timeout after which every job finished is all done")
            await h.shutdown()
            return
        }
        #expect(states.first?.lastError == nil)
        #expect(states.first?.status == .success)
        await h.shutdown()
    }
}
