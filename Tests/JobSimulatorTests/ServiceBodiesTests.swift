import Foundation
import JobModel
import JobAPI
import Testing
@testable import JobSimulator

/// Every service's body, as the rollout's mixed morning serves it over HTTP, read back by the
/// client's own dialects (docs/api/SERVICES.md §1–§5).
struct ServiceBodiesTests {
    static let rollout = SimulatorOptions(scenario: .rollout)
    /// Past the end of every job but the stuck and undocumented ones.
    static let allDone = 15.0 * 60 + 10

    static func job(_ simulator: JobSimulator, _ service: Service, _ type: String) throws -> SimulatedJob {
        try #require(simulator.topLevelJobs.first { $0.service == service && $0.type == type })
    }

    /// The body text of a job at scenario time `t`.
    static func body(_ simulator: JobSimulator, _ id: String, at t: Double) throws -> String {
        let plan = try #require(simulator.core.scenario.byID[id])
        return plan.json(at: t, clock: simulator.core.clock).text
    }

    @Test func ecsCreateFailsOnTheEIPQuotaOfOneServer() async throws {
        try await SimulatorHarness.with(Self.rollout) { h in
            let listed = try Self.job(h.simulator, .ecs, "createServer")
            h.clock.advance(by: Self.allDone)
            let job = try await h.fetch(listed.id, service: .ecs)
            #expect(job.status == .fail)
            #expect(job.entities.subJobsTotal == 4)
            #expect(job.subJobs.count == 4)
            #expect(job.subJobs.allSatisfy { $0.type == "createSingleServer" && $0.entities["server_id"] != nil })
            let failed = job.subJobs.filter { $0.status == .fail }
            #expect(failed.count == 1)
            let server = try #require(failed.first)
            #expect(server.errorCode == "Ecs.0204")
            #expect(server.failReason?.isEmpty == false)
            #expect(server.failureReason == "Quota exceeded for resources: ['floatingip']")
            #expect(server.entities.errorMessage?.raw.hasPrefix(#"{"forbidden":{"code":403"#) == true)
            #expect(job.endTime != nil && job.beginTime != nil)
        }
    }

    @Test func evsBatchHasVolumesAndNoSubJobTotal() async throws {
        try await SimulatorHarness.with(Self.rollout) { h in
            let listed = try Self.job(h.simulator, .evs, "batchCreateVolume")
            h.clock.advance(by: 30)
            let running = try Self.body(h.simulator, listed.id, at: h.simulator.scenarioElapsed)
            #expect(running.contains(#""status":"RUNNING""#))
            #expect(running.contains(#""end_time":"""#))
            #expect(!running.contains("sub_jobs_total"))
            #expect(running.contains(#""size":100,"volume_type":"GPSSD""#))

            h.clock.advance(by: Self.allDone)
            let job = try await h.fetch(listed.id, service: .evs)
            #expect(job.status == .success)
            #expect(job.entities.subJobsTotal == nil)
            #expect(job.subJobs.count == 3)
            #expect(job.subJobs.allSatisfy { $0.type == "createVolume" && $0.status == .success && $0.endTime != nil })
            #expect(job.subJobs.map { $0.entities["size"] } == ["100", "100", "500"])
            #expect(job.subJobs.allSatisfy { $0.entities["volume_id"] != nil && $0.entities["name"]?.hasPrefix("data-disk-") == true })
            #expect(job.subJobs.map { $0.entities["volume_type"] } == ["GPSSD", "GPSSD", "SSD"])
        }
    }

    @Test func imsImageHasItsTimeFormatAndAGrowingFraction() async throws {
        try await SimulatorHarness.with(Self.rollout) { h in
            let listed = try Self.job(h.simulator, .ims, "imsCreateImageByInstance")
            let early = try Self.body(h.simulator, listed.id, at: 60)
            let later = try Self.body(h.simulator, listed.id, at: 300)
            let begin = try #require(early.firstMatch(of: /"begin_time":"([^"]*)"/)?.1)
            #expect(begin.wholeMatch(of: /\d\d-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{4} \d\d:\d\d:\d\d:\d{3}/) != nil, "\(begin)")
            #expect(early.contains(#""end_time":"""#))
            #expect(early.contains(#""current_task":"CreateImageByInstanceTask""#))
            func fraction(_ body: String) throws -> Double {
                let text = try #require(body.firstMatch(of: /"process_percent":([0-9.]+)/)?.1)
                return try #require(Double(String(text)))
            }
            #expect(try fraction(early) > 0 && fraction(early) < fraction(later) && fraction(later) < 1)

            let job = try await h.fetch(listed.id, service: .ims)
            #expect(job.status == .running)
            #expect(job.entities["image_id"] != nil && job.entities["image_name"] == "web-golden-2026-05")

            h.clock.advance(by: Self.allDone)
            let done = try await h.fetch(listed.id, service: .ims)
            #expect(done.status == .success)
            let final = try Self.body(h.simulator, listed.id, at: Self.allDone)
            #expect(final.contains(#""process_percent":1.0,"#))
            let end = try #require(final.firstMatch(of: /"end_time":"([^"]*)"/)?.1)
            #expect(end.wholeMatch(of: /\d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d:\d\d:\d{3}/) != nil, "\(end)")
        }
    }

    @Test func imsTimesAreWrittenInIMSFormat() {
        let date = Date(timeIntervalSince1970: 1_433_441_466.586)
        #expect(ServiceTimestamps.ims(date) == "04-Jun-2015 18:11:06:586")
    }

    @Test func goTimesTrimTrailingZeros() {
        let date = Date(timeIntervalSince1970: 1_533_197_560.672)
        #expect(ServiceTimestamps.go(date, jitter: 772_389, digits: 9) == "2018-08-02 08:12:40.672772389 +0000 UTC")
        #expect(ServiceTimestamps.go(date, jitter: 785_428, digits: 8) == "2018-08-02 08:12:40.67278542 +0000 UTC")
        #expect(ServiceTimestamps.go(date, jitter: 400_000, digits: 9) == "2018-08-02 08:12:40.6724 +0000 UTC")
        #expect(ServiceTimestamps.go(Date(timeIntervalSince1970: 1_533_197_560), jitter: 0, digits: 9) == "2018-08-02 08:12:40 +0000 UTC")
    }

    @Test func eipBatchHasSubJobsOfItsOwnType() async throws {
        try await SimulatorHarness.with(Self.rollout) { h in
            let listed = try Self.job(h.simulator, .vpc, "createBatchPublicip")
            h.clock.advance(by: Self.allDone)
            let job = try await h.fetch(listed.id, service: .vpc)
            #expect(job.status == .success)
            #expect(job.entities.subJobsTotal == nil)
            #expect(job.subJobs.count == 3)
            #expect(job.subJobs.allSatisfy { $0.type == "createBatchPublicip" && $0.entities["publicip_id"] != nil })
            let text = try Self.body(h.simulator, listed.id, at: Self.allDone)
            #expect(text.contains(#""entities":{"sub_jobs":["#))
        }
    }

    @Test func cceClusterIsKubernetesShapedAndSucceeds() async throws {
        try await SimulatorHarness.with(Self.rollout) { h in
            let listed = try Self.job(h.simulator, .cce, "CreateCluster")
            let running = try Self.body(h.simulator, listed.id, at: 120)
            #expect(running.hasPrefix(#"{"kind":"Job","apiVersion":"v3","metadata":{"uid":""#))
            #expect(running.hasSuffix(#""status":{"phase":"Running","reason":""}}"#))
            #expect(running.contains(#""spec":{"type":"CreateCluster","clusterUID":""#))
            #expect(running.contains(#""resourceName":"prod-cce","extendParam":{"serverID":""#))
            let stamps = running.matches(of: /"(creation|update)Timestamp":"([^"]*)"/).map { String($0.2) }
            #expect(stamps.count == 6)
            #expect(stamps.allSatisfy { $0.wholeMatch(of: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,9})? \+0000 UTC/) != nil }, "\(stamps)")
            let digits = Set(stamps.map { $0.firstMatch(of: #/\.(\d+) /#)?.1.count ?? 0 })
            #expect(digits.count > 1, "fraction lengths vary: \(stamps)")

            let job = try await h.fetch(listed.id, service: .cce)
            #expect(job.status.word == "Running" && job.status.outcome == .running)
            #expect(job.subJobs.map(\.type) == ["InstallMaster", "CreatePSMCert"])
            #expect(job.subJobs.map(\.status.word) == ["Running", "Success"])
            #expect(job.entities["resource_name"] == "prod-cce")

            h.clock.advance(by: Self.allDone)
            let done = try await h.fetch(listed.id, service: .cce)
            #expect(done.status == .success && done.status.word == "Success")
            #expect(done.subJobs.allSatisfy { $0.status == .success })
        }
    }

    @Test func cceNodeCreateFailsWithTheInstallReason() async throws {
        try await SimulatorHarness.with(Self.rollout) { h in
            let listed = try Self.job(h.simulator, .cce, "CreateNode")
            h.clock.advance(by: Self.allDone)
            let job = try await h.fetch(listed.id, service: .cce)
            #expect(job.status == .fail && job.status.word == "Failed")
            #expect(job.failReason == FailureMessages.nodeInstall)
            #expect(job.subJobs.count == 2)
            #expect(job.subJobs.allSatisfy { $0.type == "CreateNode" && $0.subJobs.map(\.type) == ["InstallNode"] })
            let failedNode = try #require(job.subJobs.first { $0.status == .fail })
            let install = try #require(failedNode.subJobs.first)
            #expect(install.status.word == "Failed")
            #expect(install.failReason == "Node install failed: the subnet has no free IP addresses")
            #expect(install.entities["resource_id"] != nil && install.entities["serverID"] != nil)
            #expect(job.subJobs.filter { $0.status == .success }.count == 1)
            // A sub-job's uid is served on the same path.
            let fetchedInstall = try await h.fetch(try #require(install.id), service: .cce)
            #expect(fetchedInstall.type == "InstallNode" && fetchedInstall.status == .fail)
        }
    }
}
