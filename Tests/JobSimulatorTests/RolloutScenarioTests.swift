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

    /// CCE's job IDs are lowercase UUIDs.
    func isUUID(_ id: String) -> Bool {
        id.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/) != nil
    }

    @Test func jobIDsAreRealLookingAndDeterministic() {
        let first = JobSimulator(options: Self.rollout)
        let second = JobSimulator(options: Self.rollout)
        #expect(first.topLevelJobIDs.count == 16)
        #expect(first.topLevelJobs == second.topLevelJobs)
        for (id, plan) in first.scenario.byID {
            // CCE and the databases and ELB write UUIDs (FAMILIES.md examples); the others 32 hex digits.
            // An order's ID is BSS's `CS…`; its resources' are UUIDs.
            let uuids: Set<Service> = [.cce, .rds, .elb]
            if plan.service == .order {
                #expect(id.wholeMatch(of: /CS[0-9A-F]{16}/) != nil || isUUID(id), "\(id)")
            } else {
                #expect(uuids.contains(plan.service) ? isUUID(id) : isJobID(id), "\(plan.service) \(id)")
            }
        }
        // The bare-metal morning first, as before; then one job per other body shape.
        #expect(first.topLevelJobs.map(\.type) == [
            "baremetalBatchCreate", "baremetalBatchOperate", "baremetalAttachVolume",
            "baremetalBatchAttachVolume", "baremetalReinstallOs", "baremetalChangeOsLocalDisk",
            "createServer", "batchCreateVolume", "imsCreateImageByInstance", "createBatchPublicip",
            "CreateCluster", "CreateNode", "CreateMysqlSingleHAInstance", "extendDCSInstance", "UPGRADE",
            "hws.service.type.ec2",
        ])
        #expect(first.topLevelJobs.map(\.service.name) == ["bms", "bms", "bms", "bms", "bms", "bms", "ecs", "evs", "ims", "vpc", "cce", "cce", "rds", "dcs", "elb", "order"])
        #expect(first.topLevelJobs[6].qualifiedID == "ecs/\(first.topLevelJobIDs[6])")
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

    /// The mixed morning: every service, each job read on its own path. Nothing has failed at
    /// the top level when the demo opens (5 minutes in); by 15 minutes the ECS create has
    /// failed on one server's EIP quota and the CCE node create on its install, the rest done.
    @Test func theMixedMorningHasEveryServiceAndItsTwoFailures() async throws {
        try await SimulatorHarness.with(Self.rollout) { h in
            let jobs = h.simulator.topLevelJobs
            #expect(Set(jobs.map(\.service)) == [.bms, .ecs, .evs, .ims, .vpc, .cce, .rds, .dcs, .elb, .order])
            h.clock.advance(by: 5 * 60 + 5)
            for listed in jobs {
                let job = try await h.fetch(listed.id, service: listed.service)
                #expect(job.status != .fail, "\(listed.qualifiedID) \(listed.type) failed before the demo opens")
            }

            h.clock.advance(by: 10 * 60)
            var outcomes: [String: JobStatus.Outcome] = [:]
            for listed in jobs.dropFirst(6) {
                let job = try await h.fetch(listed.id, service: listed.service)
                #expect(job.id == listed.id && job.type == listed.type)
                outcomes["\(listed.service)/\(listed.type)"] = job.status.outcome
                if listed.service == .ecs {
                    #expect(job.subJobs.contains { $0.failureReason?.contains("floatingip") == true })
                }
                if listed.type == "CreateNode" {
                    #expect(job.failReason?.contains("no free IP addresses") == true)
                }
            }
            #expect(outcomes == [
                "ecs/createServer": .fail, "evs/batchCreateVolume": .success, "ims/imsCreateImageByInstance": .success,
                "vpc/createBatchPublicip": .success, "cce/CreateCluster": .success, "cce/CreateNode": .fail,
                "rds/CreateMysqlSingleHAInstance": .success, "dcs/extendDCSInstance": .success, "elb/UPGRADE": .success,
                "order/hws.service.type.ec2": .success,
            ])
        }
    }

    /// Each plan's status changes are in the service's own words.
    @Test func scheduledChangesUseEachServicesWords() {
        let simulator = JobSimulator(options: Self.rollout)
        let changes = simulator.scenario.scheduledChanges
        let cluster = simulator.topLevelJobs[10].id
        #expect(changes.filter { $0.jobID == cluster && $0.subJobID == nil }.map(\.status) == ["Running", "Success"])
        let ecs = simulator.topLevelJobs[6].id
        #expect(changes.filter { $0.jobID == ecs && $0.subJobID == nil }.map(\.status) == ["RUNNING", "FAIL"])
    }
}
