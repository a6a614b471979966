import Foundation
import Synchronization
import JobModel
import JobAPI
import JobEngine
import JobSimulator
import Testing

/// Names of servers and volumes: batched, cached, retried a few times, switched off by a
/// 403, and never in the way of a poll. Virtual time throughout.
@Suite("Name lookups")
struct NameLookupTests {
    /// An engine over fakes on a test clock.
    struct Rig {
        let testClock = VirtualClock()
        let clock: EngineClock
        let jobs: FakeJobs
        let lookups: FakeLookups?
        let engine: Engine
        let runner: Task<Void, Never>
        /// Each job's promised next poll (engine time), noted at every instant it settled.
        let promises = PromiseBook()

        init(jobCount: Int, servers: Int, names: Bool, findAfter: Int = 0, forbidden: Bool = false, settings: EngineSettings = .testing, restored: StateFile? = nil) async throws {
            clock = EngineClock(testClock, startDate: EngineHarness.start)
            jobs = FakeJobs(clock: clock, servers: servers)
            lookups = names ? FakeLookups(clock: clock, findAfter: findAfter, forbidden: forbidden) : nil
            var profile = ProfileTarget(name: "test", endpoint: try Endpoint(parsing: "http://127.0.0.1:9"), projectID: "p1", credential: .none)
            profile.service = .ecs
            engine = Engine(profiles: [profile], client: jobs, lookups: lookups, settings: settings, clock: clock, restored: restored)
            let engine = self.engine
            runner = Task { await engine.run() }
            try await engine.add((0..<jobCount).map { WatchEntry(profile: "test", jobID: String(format: "%032x", 0xE0000 + $0)) })
            await settle()
        }

        /// Everything due at this instant is done, and the engine's timer is asleep on the clock.
        /// Nothing here waits for real time, so the limits only guard against a hang (a loaded
        /// machine can take seconds per instant).
        func settle() async {
            await engine.settle(limit: .seconds(60))
            let now = clock.elapsed
            for state in await engine.currentSnapshot().jobs {
                guard let next = state.nextPollAt else { continue }
                let due = Duration.seconds(next.timeIntervalSince(EngineHarness.start))
                promises.byJob.withLock { $0[state.key.jobID, default: []].append((now, due)) }
            }
            if let deadline = await engine.timerDeadline {
                await testClock.waitForSleeper(until: .init(offset: deadline), limit: .seconds(60))
            }
        }

        func advance(by total: Duration, step: Duration = .seconds(1)) async {
            var moved = Duration.zero
            while moved < total {
                await testClock.advance(by: step) { await settle() }
                moved += step
            }
        }

        func shutdown() async {
            runner.cancel()
            await runner.value
        }
    }

    /// Polls that went later than the engine had promised them (more than 1 ms, for the
    /// round trip through `Date`), each as "job@time, promised due".
    static func latePolls(_ rig: Rig) -> [String] {
        let promises = rig.promises.byJob.withLock { $0 }
        return rig.jobs.polls.withLock { $0 }.compactMap { job, at in
            guard let promise = promises[job]?.last(where: { $0.notedAt < at }) else { return nil }
            return at - promise.due > .milliseconds(1) ? "\(job.suffix(2))@\(at), due \(promise.due)" : nil
        }
    }

    @Test("lookups never move a poll: every poll goes when it was due, names on as off")
    func lookupsNeverDelayPolls() async throws {
        var settings = EngineSettings.testing
        settings.requestsPerMinute = 30
        // The fakes' servers begin at every answer: never past the minutes in which a batch's
        // servers fail, they would be asked at the base interval and fill the budget alone.
        settings.policy.youngFor = 0
        // Their answers never move a status: patience would space them out. Without it they
        // keep their pace and fill the budget.
        settings.policy.pace.patience = 1
        // 6 jobs of 100 servers, paced to fill the budget, each name found on its second ask:
        // twelve ECS batches of up to two requests compete with the polls, enough to push polls
        // later if a lookup took a slot a poll needs in the next minute.
        let off = try await Rig(jobCount: 6, servers: 100, names: false, settings: settings)
        await off.advance(by: .seconds(600))
        let on = try await Rig(jobCount: 6, servers: 100, names: true, findAfter: 1, settings: settings)
        await on.advance(by: .seconds(600))
        #expect(Self.latePolls(off).isEmpty, "names off: \(Self.latePolls(off).prefix(5))")
        #expect(Self.latePolls(on).isEmpty, "names on: \(Self.latePolls(on).prefix(5))")
        // While names wait, the polls pace themselves on 80 % of the budget: a few fewer.
        #expect(on.jobs.pollTimes.count >= off.jobs.pollTimes.count * 8 / 10, "\(on.jobs.pollTimes.count) vs \(off.jobs.pollTimes.count)")
        #expect(on.jobs.pollTimes.count > 80, "the polls went on: \(on.jobs.pollTimes.count)")
        let calls = on.lookups!.calls.withLock { $0 }
        #expect(calls.count >= 6, "lookups did go: \(calls.count)")
        #expect(await on.engine.currentSnapshot().jobs.allSatisfy { $0.resources.count == 100 })
        // At most 20 % of the budget: 5 in any 65 s (30/min × 0.2 × 0.9).
        for call in calls {
            let window = calls.filter { $0.at >= call.at && $0.at < call.at + .seconds(65) }
            #expect(window.count <= 5, "\(window.count) lookups within 65 s from \(call.at)")
        }
        // ECS batches: 100 IDs at most a call.
        #expect(calls.allSatisfy { $0.ids.count <= 100 })
        await off.shutdown()
        await on.shutdown()
    }

    @Test("a batch's servers are asked once each, in batches, and reach the snapshot")
    func askedOnceAndShown() async throws {
        let rig = try await Rig(jobCount: 1, servers: 250, names: true)
        await rig.advance(by: .seconds(300))
        let lookups = try #require(rig.lookups)
        let asked = lookups.askedIDs
        #expect(asked.count == 250)
        #expect(Set(asked).count == 250, "each name once")
        #expect(lookups.calls.withLock { $0.count } == 3)
        let state = try #require(await rig.engine.currentSnapshot().jobs.first)
        #expect(state.resources.count == 250)
        let sub = try #require(state.job?.subJobs.first)
        #expect(state.namedResource(of: sub)?.name == "name-\(FakeJobs.serverID(state.key.jobID, 0))")
        await rig.shutdown()
    }

    @Test("a name not found yet is asked again a few times with backoff, then never")
    func retriedThenGivenUp() async throws {
        let found = try await Rig(jobCount: 1, servers: 1, names: true, findAfter: 2)
        await found.advance(by: .seconds(300))
        let times = found.lookups!.calls.withLock { $0.map(\.at) }
        #expect(times.count == 3, "found on the third ask: \(times)")
        if times.count == 3 { #expect(times[2] - times[1] > times[1] - times[0], "backoff grows") }
        #expect(await found.engine.currentSnapshot().jobs.first?.resources.count == 1)
        await found.shutdown()

        let never = try await Rig(jobCount: 1, servers: 1, names: true, findAfter: 1000)
        await never.advance(by: .seconds(1800), step: .seconds(5))
        #expect(never.lookups!.calls.withLock { $0.count } == LookupBook_maxAttempts)
        #expect(await never.engine.currentSnapshot().jobs.first?.resources.isEmpty == true)
        await never.shutdown()
    }

    @Test("an abandoned name keeps no user, however often its job answers")
    func abandonedKeepsNoUser() async throws {
        let rig = try await Rig(jobCount: 2, servers: 3, names: true, findAfter: 1000)
        await rig.advance(by: .seconds(1800), step: .seconds(5))
        let polls = rig.jobs.pollTimes.count
        await rig.advance(by: .seconds(120), step: .seconds(5))
        #expect(rig.jobs.pollTimes.count > polls, "the jobs kept answering")
        let sizes = await rig.engine.lookupBookSizes
        #expect(sizes.abandoned > 0)
        #expect(sizes.users == 0 && sizes.pending == 0, "\(sizes)")
        await rig.shutdown()
    }

    @Test("a job that leaves the watch takes its names with it")
    func removedJobForgetsNames() async throws {
        let found = try await Rig(jobCount: 1, servers: 3, names: true)
        await found.advance(by: .seconds(60))
        #expect(await found.engine.lookupBookSizes.known > 0)
        for state in await found.engine.currentSnapshot().jobs { await found.engine.remove(state.key) }
        let foundLeft = await found.engine.lookupBookSizes
        #expect(foundLeft.known + foundLeft.pending + foundLeft.users + foundLeft.abandoned == 0, "\(foundLeft)")
        await found.shutdown()

        let never = try await Rig(jobCount: 1, servers: 3, names: true, findAfter: 1000)
        await never.advance(by: .seconds(1800), step: .seconds(5))
        #expect(await never.engine.lookupBookSizes.abandoned > 0)
        for state in await never.engine.currentSnapshot().jobs { await never.engine.remove(state.key) }
        let neverLeft = await never.engine.lookupBookSizes
        #expect(neverLeft.known + neverLeft.pending + neverLeft.users + neverLeft.abandoned == 0, "\(neverLeft)")
        await never.shutdown()
    }

    @Test("a 403 turns lookups off for the credential with one notice; polls go on")
    func forbiddenSwitchesOff() async throws {
        let rig = try await Rig(jobCount: 2, servers: 150, names: true, forbidden: true)
        await rig.advance(by: .seconds(300))
        let calls = rig.lookups!.calls.withLock { $0.count }
        #expect(calls == 1, "no lookup after the 403: \(calls)")
        let snapshot = await rig.engine.currentSnapshot()
        #expect(snapshot.nameNotices.count == 1)
        #expect(snapshot.nameNotices.first?.contains("403") == true)
        #expect(snapshot.jobs.allSatisfy { $0.resources.isEmpty && $0.health == .fresh })
        let polls = rig.jobs.pollTimes.count
        await rig.advance(by: .seconds(60))
        #expect(rig.jobs.pollTimes.count > polls, "jobs are still polled")
        #expect(rig.lookups!.calls.withLock { $0.count } == 1)
        await rig.shutdown()
    }

    @Test("names off: nothing is looked up")
    func namesOff() async throws {
        var settings = EngineSettings.testing
        settings.names = false
        let rig = try await Rig(jobCount: 1, servers: 5, names: true, settings: settings)
        await rig.advance(by: .seconds(60))
        #expect(rig.lookups!.calls.withLock { $0.isEmpty })
        await rig.shutdown()
    }
}

/// `LookupBook.maxAttempts` (internal to the engine).
let LookupBook_maxAttempts = 5

/// When the engine said each job would next be polled, and when it said so.
final class PromiseBook: Sendable {
    let byJob = Mutex<[String: [(notedAt: Duration, due: Duration)]]>([:])
}
