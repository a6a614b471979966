import Foundation
import JobModel
import JobAPI
import JobEngine
import Clocks
import Testing

/// A dashboard left running: finished jobs leave the watch list and the state file once their
/// end is older than `EngineSettings.retention`, so neither grows without bound.
@Suite struct RetentionTests {
    @Test("finished jobs leave the watch and the state database after the retention window")
    func finishedJobsLeaveAfterTheWindow() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("retention-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        var settings = EngineSettings.testing
        settings.retention = .seconds(3600)
        let h = try await EngineHarness.make(scenario: .quick, settings: settings, state: StateDatabase(path: path))
        // What another process reads: every job in the database, with the events.
        let reader = StateDatabase(path: path)
        let finished = h.simulator.topLevelJobIDs
        try await h.watch(finished)
        await h.advance(by: .seconds(120), step: .seconds(2))
        #expect(await h.snapshot().jobs.allSatisfy(\.isTerminal))
        let asked = await finished.asyncMap { await h.simulator.requestCount(jobID: $0) }

        // Half an hour on, a new job (unknown to the scenario) makes the engine save: all kept.
        await h.advance(by: .seconds(1800), step: .seconds(300))
        let newcomer = String(repeating: "a", count: 32)
        try await h.watch([newcomer])
        await h.advance(by: .seconds(4))
        #expect(await h.snapshot().jobs.count == 4)
        // The save runs after its virtual deadline, on SQLite's threads: the database is waited for.
        await waitForRead(atMost: .seconds(10)) { (try? await reader.load(.all).file.jobs.count) == 4 }
        let before = try await reader.load(.all).file
        #expect(before.jobs.count == 4)
        #expect(!before.events.isEmpty, "the finished jobs' transitions are saved")

        // Past the hour: the finished jobs are gone from the screen and the database; the job
        // that can still change stays.
        await h.advance(by: .seconds(1800), step: .seconds(300))
        let latecomer = String(repeating: "b", count: 32)
        try await h.watch([latecomer])
        await h.advance(by: .seconds(4))
        #expect(await h.snapshot().jobs.map(\.key.jobID) == [newcomer, latecomer])
        await waitForRead(atMost: .seconds(10)) { (try? await reader.load(.all).file.jobs.map(\.jobID)) == [newcomer, latecomer] }
        let saved = try await reader.load(.all).file
        #expect(saved.jobs.map(\.jobID) == [newcomer, latecomer])
        #expect(saved.events.isEmpty, "the finished jobs' transitions are past the window too")
        #expect(saved.droppedEvents == before.events.count, "and counted as dropped")
        #expect(await finished.asyncMap { await h.simulator.requestCount(jobID: $0) } == asked, "finished jobs are never asked again")
        await reader.close()
        await h.shutdown()
    }

    @Test("without a retention setting (get, wait) every job is kept")
    func noRetentionKeepsEverything() async throws {
        let h = try await EngineHarness.make(scenario: .quick)
        try await h.watch(h.simulator.topLevelJobIDs)
        await h.advance(by: .seconds(120), step: .seconds(2))
        await h.advance(by: .seconds(8 * 86_400), step: .seconds(86_400))
        try await h.watch([String(repeating: "c", count: 32)])
        await h.advance(by: .seconds(4))
        #expect(await h.snapshot().jobs.count == 4)
        await h.shutdown()
    }
}

@Suite("Retention at start")
struct RetentionAtStartTests {
    /// The same rule as the engine's while it runs, on its clock: finished and old goes, running stays.
    @Test func restoringLeavesOutWhatIsPastRetention() async throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let old = now.addingTimeInterval(-8 * 86400)
        let key = { (id: String) in JobKey(endpoint: "127.0.0.1:9", projectID: "p", jobID: id) }
        let file = StateFile(savedAt: old, jobs: [
            .init(profile: "p", key: key("done"), jobID: "done", label: nil, job: Job(id: "done", status: .success, endTime: old), readAt: old),
            .init(profile: "p", key: key("running"), jobID: "running", label: nil, job: Job(id: "running", status: .running), readAt: old),
        ], events: [Transition(at: old, key: key("done"), profile: "p", from: .running, to: .success)])
        var settings = EngineSettings.testing
        settings.retention = .seconds(7 * 86400)
        let client = JobClient()
        let clock = EngineClock(TestClock<Duration>(), startDate: now)
        let engine = Engine(profiles: [], client: client, settings: settings, clock: clock, restored: file)
        #expect(await engine.currentSnapshot().jobs.map(\.key.jobID) == ["running"])
        #expect(await engine.eventLog().isEmpty)
        #expect(await engine.droppedEventCount() == 1)
        #expect(Retention.isExpired(Job(id: "x", status: .fail, endTime: old), readAt: now, cutoff: now.addingTimeInterval(-60)) == false, "read since: kept")
        await client.shutdown()
    }
}
