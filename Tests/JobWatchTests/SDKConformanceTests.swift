import Foundation
import Testing
import JobModel
import JobAPI
@testable import JobSimulator

/// The simulator held against Huawei Cloud's official Python SDKs (scripts/sdk-check.py in a
/// venv): each service's job query and each lookup, signed by the SDK and checked by the
/// simulator, parsed by the SDK's own models. What the SDK reads must be what the scenario says.
struct SDKConformanceTests {
    static let accessKey = "SDKCHECKAK0001"
    static let secretKey = "SdkCheckSecretKey0123456789abcdefghijklm"
    static let projectID = "5f3a9c1e7b2d4a6f8e0c1b3d5a7f9e2c"
    /// Scenario seconds the simulator is frozen at: some jobs done, some failed, some running.
    static let at = 900.0

    typealias Object = [String: Any]

    @Test("BMS, ECS, EVS, IMS, EIP and CCE's SDKs read the jobs and lookups as the scenario has them")
    func officialSDKs() async throws {
        let python = try await SDKVenv.python()
        try await FrozenSimulator.with(scenario: .rollout, at: Self.at, accessKey: Self.accessKey, secretKey: Self.secretKey, projectID: Self.projectID) { simulator, url in
            try await Self.check(simulator, url: url, python: python)
        }
    }

    static func check(_ simulator: JobSimulator, url: String, python: String) async throws {
        let jobs = try Dictionary(uniqueKeysWithValues: [Service.bms, .ecs, .evs, .ims, .vpc, .cce].map { service in
            (service.name, try #require(simulator.topLevelJobs.first { $0.service == service }?.id, "no \(service.name) job"))
        })
        let servers = Array(simulator.resources.filter { $0.api == .ecsServers }.map(\.id).suffix(2))
        let madeUp = ["00000000-0000-4000-8000-00000000aaaa", "00000000-0000-4000-8000-00000000bbbb"]
        let bare = try #require(simulator.resources.first { $0.api == .bmsServer })
        let evsJob = try #require(simulator.core.scenario.byID[jobs["evs"] ?? ""])
        let volume = try #require(evsJob.subJobs.first.flatMap { job -> String? in
            if case .string(let id)? = job.attributes.first(where: { $0.key == "volume_id" })?.value { return id }
            return nil
        })
        let ask: Object = [
            "jobs": jobs, "servers": servers, "made_up_servers": madeUp, "bare_metal_server": bare.id, "volume": volume,
        ]

        let script = "\(JobwatchBinary.packageRoot)/scripts/sdk-check.py"
        let process = try ChildProcess(
            executable: python, arguments: [script, url, accessKey, secretKey, projectID],
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8", "NO_PROXY": "127.0.0.1"],
            stdin: try JSONSerialization.data(withJSONObject: ask)
        )
        let ended = await process.waitForExit(timeout: .seconds(120))
        try #require(ended == .exited(0), "\(process.transcript)")
        let out = try #require(try JSONSerialization.jsonObject(with: Data(process.stdout.utf8)) as? Object, "\(process.transcript)")
        func body(_ call: String) throws -> Object {
            let answer = try #require(out[call] as? Object, "no \(call)")
            #expect(answer["ok"] as? Bool == true, "\(call): \(answer["error"] ?? "") \(answer["trace"] ?? "")")
            #expect(answer["http_status"] as? Int == 200, "\(call)")
            return answer["body"] as? Object ?? [:]
        }
        func status(_ service: String) -> String? {
            simulator.core.scenario.byID[jobs[service] ?? ""]?.status(at: at)
        }

        // The job queries: the ID asked, the status the scenario has at `at`.
        for (call, service) in [("bms.ShowJobInfos", "bms"), ("ecs.ShowJob", "ecs"), ("evs.ShowJob", "evs"), ("ims.ShowJob", "ims"),
                                ("ims.ShowJobProgress", "ims"), ("eip.ShowResourcesJobDetail", "vpc")] {
            let job = try body(call)
            #expect(job["job_id"] as? String == jobs[service], "\(call)")
            #expect(job["status"] as? String == status(service), "\(call)")
        }
        let progress = try body("ims.ShowJobProgress")
        #expect((progress["entities"] as? Object)?["process_percent"] as? Double == 1)
        #expect((progress["entities"] as? Object)?["image_name"] as? String == "web-golden-2026-05")
        let cce = try body("cce.ShowJob")
        #expect((cce["metadata"] as? Object)?["uid"] as? String == jobs["cce"])
        #expect((cce["status"] as? Object)?["phase"] as? String == status("cce"))

        // ECS's list in the SDK's comma form: exactly the servers asked, named as the catalog.
        let listed = try #require(try body("ecs.ListServersDetails")["servers"] as? [Object])
        #expect(listed.compactMap { $0["id"] as? String } == servers)
        for server in listed {
            #expect(server["name"] as? String == simulator.resources.first { $0.id == server["id"] as? String }?.name)
        }
        // Made-up IDs: no server, only the documented entries with every field null but id and fault.
        let unknown = try #require(try body("ecs.ListServersDetails.madeUp")["servers"] as? [Object])
        #expect(unknown.compactMap { $0["id"] as? String } == madeUp)
        #expect(unknown.allSatisfy { $0["name"] == nil || $0["name"] is NSNull })
        #expect(unknown.allSatisfy { $0["fault"] is Object })
        let all = try body("ecs.ListServersDetails.all")
        #expect((all["servers"] as? [Object])?.count == simulator.resources.filter { $0.api == .ecsServers }.count)
        #expect((try body("ecs.ShowServer")["server"] as? Object)?["id"] as? String == servers[0])
        #expect((try body("bms.ListBareMetalServerDetails")["server"] as? Object)?["name"] as? String == bare.name)
        let bareList = try body("bms.ListBareMetalServers")
        #expect((bareList["servers"] as? [Object])?.count == 5)
        #expect(bareList["count"] as? Int == simulator.resources.filter { $0.api == .bmsServer }.count)

        // EVS: the unfiltered list holds the project's volumes, each named as its job names it.
        let volumes = simulator.resources.filter { $0.api == .evsVolumes }
        let everyVolume = try body("evs.ListVolumes")
        #expect((everyVolume["volumes"] as? [Object])?.compactMap { $0["id"] as? String } == volumes.map(\.id))
        #expect(everyVolume["count"] as? Int == volumes.count)
        let page = try body("evs.ListVolumes.page")
        #expect((page["volumes"] as? [Object])?.count == 2)
        #expect(page["count"] as? Int == volumes.count)
        let subJobs = try #require(((try body("evs.ShowJob")["entities"] as? Object)?["sub_jobs"] as? [Object]))
        let namedInJob = try #require(subJobs.compactMap { $0["entities"] as? Object }.first { $0["volume_id"] as? String == volume }?["name"] as? String)
        let listedName = (everyVolume["volumes"] as? [Object])?.first { $0["id"] as? String == volume }?["name"] as? String
        #expect(listedName == namedInJob)
        #expect((try body("evs.ShowVolume")["volume"] as? Object)?["name"] as? String == namedInJob)

        // The signature counts: signed with another secret key, the same query is refused.
        let wrong = try #require(out["ecs.ShowJob.wrongKey"] as? Object)
        #expect(wrong["ok"] as? Bool == false)
        #expect(wrong["http_status"] as? Int == 401, "\(wrong)")
        print("SDK versions: \(out["versions"] ?? "?")")
    }
}
