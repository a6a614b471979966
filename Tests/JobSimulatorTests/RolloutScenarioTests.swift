import Foundation
import JobModel
import JobAPI
import Testing
@testable import JobSimulator

struct RolloutScenarioTests {
    static let rollout = SimulatorOptions(scenario: .rollout)

    func isJobID(_ id: String) -> Bool {
        id.count == 32 && id.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    @Test func jobIDsAreRealLookingAndDeterministic() {
        let first = JobSimulator(options: Self.rollout)
        let second = JobSimulator(options: Self.rollout)
        #expect(first.topLevelJobIDs.count == 6)
        #expect(first.topLevelJobIDs == second.topLevelJobIDs)
        #expect(first.topLevelJobIDs.allSatisfy(isJobID))
        #expect(first.scenario.byID.keys.allSatisfy(isJobID))
        #expect(first.topLevelJobs.map(\.type) == [
            "baremetalBatchCreate", "baremetalBatchOperate", "baremetalAttachVolume",
            "baremetalBatchAttachVolume", "baremetalReinstallOs", "baremetalChangeOsLocalDisk",
        ])
    }

    @Test func theMorningAfterFifteenMinutesDecodesThroughTheClient() async throws {
        try await SimulatorHarness.with(Self.rollout) { h in
            let ids = h.simulator.topLevelJobIDs
            h.clock.advance(by: 15 * 60 + 10)

            let create = try await h.fetch(ids[0])
            #expect(create.status == .fail)
            #expect(create.type == "baremetalBatchCreate")
            #expect(create.entities.subJobsTotal == 24)
            #expect(create.subJobs.count == 24)
            #expect(create.failReason?.contains("3 of 24") == true)
            #expect(create.endTime != nil)
            let failed = create.subJobs.filter { $0.status == .fail }
            #expect(failed.count == 3)
            let reasons = failed.compactMap(\.failureReason)
            #expect(reasons.contains { $0.hasPrefix("Quota exceeded for instances") })
            #expect(reasons.contains { $0.contains("库存不足") })
            #expect(reasons.contains { $0.contains("IPMI") })
            #expect(failed.contains { $0.failureCode == "BMS.0213" })
            #expect(create.subJobs.filter { $0.status == .success }.count == 21)
            #expect(create.subJobs.allSatisfy { $0.entities["server_id"] != nil })

            let power = try await h.fetch(ids[1])
            #expect(power.status == .success)
            #expect(power.subJobs.count == 8)
            #expect(power.subJobs.allSatisfy { $0.status == .success && $0.type == "baremetalSingleOperate" })

            let attach = try await h.fetch(ids[2])
            #expect(attach.status == .success)
            #expect(attach.subJobs.isEmpty)
            #expect(attach.entities["server_id"] != nil)
            #expect(attach.entities["volume_id"] != nil)

            let arrayShaped = try await h.fetch(ids[3])
            #expect(arrayShaped.status == .success)
            #expect(arrayShaped.subJobs.count == 4)
            #expect(arrayShaped.subJobs.allSatisfy { $0.entities["server_id"] != nil && $0.entities["volume_id"] != nil })

            let stuck = try await h.fetch(ids[4])
            #expect(stuck.status == .running)
            #expect(stuck.endTime == nil)
            let elapsed = try #require(stuck.elapsed(now: h.simulator.core.clock.date(at: h.simulator.scenarioElapsed)))
            #expect(elapsed > 30 * 60)

            let undocumented = try await h.fetch(ids[5])
            #expect(undocumented.status == .other("ROLLBACKING"))
            #expect(!undocumented.status.isTerminal)
        }
    }

    @Test func jobsStartInInitAndProgressWithTheClock() async throws {
        try await SimulatorHarness.with(Self.rollout) { h in
            let createID = h.simulator.topLevelJobIDs[0]
            let start = try await h.fetch(createID)
            #expect(start.status == .initial)
            #expect(start.entities.subJobsTotal == 24)
            #expect(start.subJobs.isEmpty)

            var finishedBefore = 0
            var sawRunning = false
            for minute in [1, 3, 5, 8, 11] {
                h.clock.advance(by: Double(minute * 60) - h.simulator.scenarioElapsed)
                let job = try await h.fetch(createID)
                #expect(job.status == .running)
                sawRunning = sawRunning || job.subJobs.contains { $0.status == .running }
                let finished = job.subJobs.filter(\.status.isTerminal).count
                #expect(finished >= finishedBefore)
                finishedBefore = finished
            }
            #expect(sawRunning)
            #expect(finishedBefore > 3 && finishedBefore < 24)
        }
    }

    @Test func speedCompressesTheMorningIntoUnderAMinute() async throws {
        var options = Self.rollout
        options.speed = 20
        try await SimulatorHarness.with(options) { h in
            h.clock.advance(by: 50)
            for id in h.simulator.topLevelJobIDs.prefix(4) {
                let job = try await h.fetch(id)
                #expect(job.status.isTerminal)
            }
            let stuck = try await h.fetch(h.simulator.topLevelJobIDs[4])
            #expect(!stuck.status.isTerminal)
        }
    }

    @Test func bodiesHaveTheDocumentedShape() throws {
        let simulator = JobSimulator(options: Self.rollout)
        let core = simulator.core
        let create = try #require(core.scenario.byID[simulator.topLevelJobIDs[0]])

        let running = create.json(at: 60, clock: core.clock).text
        #expect(running.hasPrefix(#"{"status":"RUNNING","entities":{"sub_jobs_total":24,"sub_jobs":["#))
        #expect(running.contains(#""end_time":"""#))
        #expect(!running.contains(#""error_code""#))
        #expect(running.contains(#""job_type":"baremetalSingleCreate""#))
        let beginTime = try #require(running.firstMatch(of: /"begin_time":"([^"]+)"/)?.1)
        #expect(beginTime.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)

        let done = create.json(at: 20 * 60, clock: core.clock).text
        #expect(done.contains(#""errorcode_message":"{\"forbidden\": {\"code\": 403"#))
        #expect(done.contains(#""error_code":null,"fail_reason":null"#))

        let arrayShaped = try #require(core.scenario.byID[simulator.topLevelJobIDs[3]])
        #expect(arrayShaped.json(at: 20 * 60, clock: core.clock).text.contains(#""entities":[{"server_id":"#))
    }
}
