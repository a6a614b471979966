import Foundation
import JobModel
import JobAPI
import JobEngine
import JobSimulator
import Testing

@Suite("Engine against the simulator, on virtual time")
struct EngineTests {
    @Test("a terminal job is never requested again")
    func terminalNeverPolledAgain() async throws {
        let h = try await EngineHarness.make(scenario: .quick)
        let ids = h.simulator.topLevelJobIDs
        try await h.watch(ids)
        await h.advance(by: .seconds(180), step: .seconds(2))
        let snapshot = await h.snapshot()
        #expect(snapshot.jobs.allSatisfy { $0.isTerminal }, "quick scenario should be finished: \(snapshot.jobs.map(\.status))")
        var counts: [String: Int] = [:]
        for id in ids { counts[id] = await h.simulator.requestCount(jobID: id) }
        await h.advance(by: .seconds(600), step: .seconds(10))
        for id in ids {
            let after = await h.simulator.requestCount(jobID: id)
            #expect(after == counts[id], "job \(id) was polled after it finished")
        }
        await h.shutdown()
    }

    @Test("a batch's server that fails minutes after it started is seen within 10 s, though the batch began long before")
    func lateStartedFailureSeenSoon() async throws {
        let h = try await EngineHarness.make(scenario: .rollout)
        let batch = try #require(h.simulator.topLevelJobs.first { $0.type == "baremetalBatchCreate" })
        // The last of its failures: its server left INIT minutes after the batch began, so only
        // the time an answer showed it start says it is in its first minutes (begin times are
        // the batch's own).
        let failure = try #require(h.simulator.scenario.scheduledChanges.last { $0.jobID == batch.id && $0.subJobID != nil && $0.status == "FAIL" })
        #expect(failure.at > 300)
        try await h.watch([batch.id])
        await h.advance(by: .seconds(failure.at + 10), step: .seconds(1))
        let sub = await h.state(batch.id)?.job?.subJobs.first { $0.id == failure.subJobID }
        #expect(sub?.status == .fail, "\(String(describing: sub?.status)) 10 s after it failed")
        await h.shutdown()
    }

    @Test("an image whose percent moves as foreseen is asked rarely until the end it points at, and that end is seen within 10 s")
    func progressAsForeseenIsNoNews() async throws {
        let h = try await EngineHarness.make(scenario: .rollout)
        let image = try #require(h.simulator.topLevelJobs.first { $0.service == .ims })
        let end = try #require(h.simulator.scenario.scheduledChanges.first { $0.jobID == image.id && $0.subJobID == nil && $0.status == "SUCCESS" })
        #expect(end.at > 300)
        try await h.engine.add([WatchEntry(profile: "test", jobID: image.id, service: .ims)])
        await h.settle()
        await h.advance(by: .seconds(end.at - 60), step: .seconds(1))
        // A percent that moves at every answer once reset patience: 20 requests by then.
        let before = await h.simulator.requestCount(jobID: image.id)
        #expect(before <= 12, "\(before) requests in the image's first \(end.at - 60) s")
        await h.advance(by: .seconds(70), step: .seconds(1))
        #expect(await h.state(image.id)?.status == .success, "10 s after it ended")
        await h.shutdown()
    }

    @Test("the request budget holds with 500 active jobs")
    func budgetHoldsWith500Jobs() async throws {
        var settings = EngineSettings.testing
        settings.requestsPerMinute = 30
        let h = try await EngineHarness.make(scenario: .quick, settings: settings)
        // Unknown IDs answer 404 and are asked again later: each is active for the budget.
        let ids = (0..<500).map { String(format: "%032x", $0 + 0xABC000) }
        try await h.watch(ids)
        var perMinute: [Int] = []
        var previous = await h.simulator.totalRequests()
        for _ in 0..<6 {
            await h.advance(by: .seconds(60), step: .seconds(5))
            let total = await h.simulator.totalRequests()
            perMinute.append(total - previous)
            previous = total
        }
        #expect(perMinute.allSatisfy { $0 <= 27 }, "90 % of 30 per minute at most: \(perMinute)")
        // 27 in every 65 s (a margin for the server's clock), spread out: 120–150 in 6 minutes.
        #expect(perMinute.reduce(0, +) >= 120, "the budget should be used, not wasted: \(perMinute)")
        let snapshot = await h.snapshot()
        let budget = try #require(snapshot.budgets.first)
        #expect(budget.usedLastMinute <= 30)
        // Each request counted leaves the minute within the next 60 s, oldest first (one sent a
        // minute ago to the attosecond leaves at the snapshot's own Date).
        #expect(budget.leavesWindowAt.count == budget.usedLastMinute)
        #expect(budget.leavesWindowAt == budget.leavesWindowAt.sorted())
        #expect(budget.leavesWindowAt.allSatisfy { $0 >= snapshot.takenAt && $0 <= snapshot.takenAt.addingTimeInterval(60) }, "\(snapshot.takenAt): \(budget.leavesWindowAt)")
        #expect(budget.used(at: snapshot.takenAt.addingTimeInterval(60)) == 0)
        await h.shutdown()
    }

    @Test("Retry-After of a 429 is honoured for the whole endpoint")
    func retryAfterHonoured() async throws {
        let faults = FaultPlan([.init(.throttle(retryAfter: 40), .every(1))])
        let h = try await EngineHarness.make(scenario: .quick, faults: faults)
        let ids = h.simulator.topLevelJobIDs
        try await h.watch(ids)
        let first = await h.simulator.totalRequests()
        #expect(first >= 1)
        await h.advance(by: .seconds(38), step: .seconds(2))
        #expect(await h.simulator.totalRequests() == first, "no request may go before Retry-After ends")
        let snapshot = await h.snapshot()
        #expect(snapshot.throttledUntil != nil)
        #expect(snapshot.endpointErrors.values.contains { $0.category == .throttled })
        h.simulator.setFaults(.none)
        await h.advance(by: .seconds(10), step: .seconds(1))
        #expect(await h.simulator.totalRequests() > first)
        await h.shutdown()
    }

    @Test("a 429 that states the quota lowers the budget below it")
    func statedQuotaLowersBudget() async throws {
        var settings = EngineSettings.testing
        settings.requestsPerMinute = 500
        let faults = FaultPlan([.init(.throttle(retryAfter: 1), .every(3))])
        let h = try await EngineHarness.make(scenario: .quick, faults: faults, settings: settings)
        try await h.watch(h.simulator.topLevelJobIDs)
        await h.advance(by: .seconds(20), step: .seconds(1))
        let budget = try #require(await h.snapshot().budgets.first)
        #expect(budget.limitPerMinute < 100, "stated limit:100 per minute must lower the budget: \(budget.limitPerMinute)")
        await h.shutdown()
    }

    @Test("refused within its share (other tools spend the quota), a budget slows down: few 429s after the first minutes, and it climbs back")
    func othersSpendingTheQuotaSlowTheBudget() async throws {
        var settings = EngineSettings.testing
        settings.requestsPerMinute = 30
        let h = try await EngineHarness.make(scenario: .quick, settings: settings)
        // The account's 100 a minute, of which other tools leave 8.
        h.simulator.setQuota(RateQuota(limit: 8, stated: 100))
        // Unknown IDs answer 404 and are asked again: traffic that fills the budget.
        try await h.watch((0..<100).map { String(format: "%032x", $0 + 0xACE000) })
        await h.advance(by: .seconds(180), step: .seconds(1))
        let refusedEarly = await h.simulator.overQuotaRequests()
        let slowed = try #require(await h.snapshot().budgets.first).limitPerMinute
        #expect(slowed <= 10, "slowed to the share left: \(slowed) a minute")
        await h.advance(by: .seconds(180), step: .seconds(1))
        let refusedLate = await h.simulator.overQuotaRequests() - refusedEarly
        #expect(refusedLate <= 6, "\(refusedLate) refused in minutes 4–6 (\(refusedEarly) in the first 3)")
        h.simulator.setQuota(.gatewayDefault)
        await h.advance(by: .seconds(600), step: .seconds(5))
        let recovered = try #require(await h.snapshot().budgets.first).limitPerMinute
        #expect(recovered == 30, "quiet minutes give the budget back: \(recovered)")
        await h.shutdown()
    }

    @Test("a flapping 502 backs off, keeps the last good state marked stale, and recovers")
    func flapping502() async throws {
        let h = try await EngineHarness.make(scenario: .rollout)
        let id = try #require(h.simulator.topLevelJobIDs.first)
        try await h.watch([id])
        let good = try #require(await h.state(id)?.job)
        h.simulator.setFaults(FaultPlan([.init(.serverError(status: 502), .always)]))
        let before = await h.simulator.totalRequests()
        await h.advance(by: .seconds(120), step: .seconds(2))
        let during = try #require(await h.state(id))
        #expect(during.job?.id == good.id, "last good state kept")
        #expect(during.health == .stale)
        #expect(during.lastError?.httpStatus == 502)
        let attempts = await h.simulator.totalRequests() - before
        // Fixed 10 s polling would make 12 requests in 120 s; backoff makes fewer.
        #expect(attempts >= 2 && attempts < 12, "attempts during the outage: \(attempts)")
        h.simulator.setFaults(.none)
        await h.advance(by: .seconds(70), step: .seconds(2))
        let after = try #require(await h.state(id))
        #expect(after.health == .fresh)
        #expect(after.lastError == nil)
        await h.shutdown()
    }

    @Test("401 stops the credential after one request")
    func unauthorizedStopsCredential() async throws {
        let wrong = Credential.accessKey(.init(accessKeyID: DemoCredentials.accessKeyID, secretKey: Secret("wrong-secret-key-value")))
        let h = try await EngineHarness.make(scenario: .quick, credential: wrong)
        let ids = h.simulator.topLevelJobIDs
        try await h.watch(ids)
        await h.advance(by: .seconds(300), step: .seconds(5))
        let total = await h.simulator.totalRequests()
        #expect(total >= 1 && total <= 4, "only the requests already in flight may go: \(total)")
        let snapshot = await h.snapshot()
        #expect(snapshot.jobs.allSatisfy { $0.health == .authStopped })
        let budget = try #require(snapshot.budgets.first)
        let reason = try #require(budget.stoppedReason)
        #expect(reason.contains("APIGW.0301"))
        #expect(!reason.contains("wrong-secret-key-value"))
        await h.shutdown()
    }

    @Test("404 after SUCCESS keeps SUCCESS; a running job that vanishes keeps its state, marked purged")
    func notFoundKeepsState() async throws {
        let finishedID = String(repeating: "f", count: 32)
        let runningID = String(repeating: "e", count: 32)
        // Saved without a place (as a version-1 file did): they take the profile's.
        let restored = StateFile(savedAt: EngineHarness.start, jobs: [
            .init(profile: "test", key: nil, jobID: finishedID, label: nil, job: Job(id: finishedID, type: "baremetalBatchCreate", status: .success), readAt: EngineHarness.start),
            .init(profile: "test", key: nil, jobID: runningID, label: nil, job: Job(id: runningID, type: "baremetalBatchCreate", status: .running), readAt: EngineHarness.start),
        ], events: [])
        let h = try await EngineHarness.make(scenario: .quick, restored: restored)
        await h.advance(by: .seconds(30), step: .seconds(2))
        #expect(await h.simulator.requestCount(jobID: finishedID) == 0)
        #expect(await h.state(finishedID)?.status == .success)
        let running = try #require(await h.state(runningID))
        #expect(running.status == .running)
        #expect(running.health == .purged)
        await h.shutdown()
    }

    @Test("a slow consumer of snapshots sees the newest one")
    func slowConsumerSeesNewest() async throws {
        let h = try await EngineHarness.make(scenario: .quick)
        let stream = await h.engine.snapshots()
        try await h.watch(h.simulator.topLevelJobIDs)
        await h.advance(by: .seconds(120), step: .seconds(2))
        let newest = await h.snapshot()
        var iterator = stream.makeAsyncIterator()
        // Dozens of snapshots were published while nobody read: only the newest is kept.
        let seen = await iterator.next()
        #expect(seen?.jobs.map(\.status) == newest.jobs.map(\.status))
        #expect(seen?.jobs.map(\.readAt) == newest.jobs.map(\.readAt))
        #expect(seen?.jobs.allSatisfy { $0.isTerminal } == true)
        await h.shutdown()
    }

    @Test("transitions come once each, in order")
    func transitionsInOrder() async throws {
        let h = try await EngineHarness.make(scenario: .quick)
        let stream = await h.engine.transitions()
        try await h.watch(h.simulator.topLevelJobIDs)
        await h.advance(by: .seconds(180), step: .seconds(2))
        await h.shutdown()
        var seen: [Transition] = []
        for await t in stream { seen.append(t) }  // finished when the engine stops
        #expect(seen == (await h.engine.eventLog()))
        let topLevel = seen.filter { $0.subJobID == nil }
        for id in h.simulator.topLevelJobIDs {
            let mine = topLevel.filter { $0.key.jobID == id }
            #expect(mine.first?.from == nil, "first sighting comes first")
            #expect(mine.last?.to.isTerminal == true)
            let pairs = zip(mine, mine.dropFirst())
            #expect(pairs.allSatisfy { $0.to == $1.from }, "each change follows the previous one")
        }
        #expect(seen.contains { $0.to == .fail && $0.reason != nil })
    }
}
