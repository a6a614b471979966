import Foundation
import Testing
import JobModel
import JobAPI
@testable import JobSimulator

/// The simulator's families held against Huawei Cloud's official Python SDKs
/// (scripts/sdk-check-families.py in a venv): one job of each family of FAMILIES.md, signed by
/// the SDK (GlobalCredentials for Global EIP and BSS) and checked by the simulator, parsed by the
/// SDK's own models; and jobwatch's own reading of the same jobs says the same.
struct FamiliesSDKConformanceTests {
    static let accessKey = "SDKFAMILIESAK0001"
    static let secretKey = "SdkFamiliesSecretKey0123456789abcdefghij"
    static let projectID = "5f3a9c1e7b2d4a6f8e0c1b3d5a7f9e2c"
    static let domainID = "9a8b7c6d5e4f40312233445566778899"
    /// Scenario seconds the simulator is frozen at: every job ended, the order completed.
    static let at = 100.0

    typealias Object = [String: Any]

    @Test("the families' SDKs read each job as the scenario has it, and so does jobwatch")
    func officialSDKs() async throws {
        let python = try await SDKVenv.families.python()
        try await FrozenSimulator.with(
            scenario: .families, at: Self.at, accessKey: Self.accessKey, secretKey: Self.secretKey, projectID: Self.projectID, domainID: Self.domainID
        ) { simulator, url in
            let client = JobClient()
            do {
                try await Self.check(simulator, url: url, python: python, client: client)
            } catch {
                await client.shutdown()
                throw error
            }
            await client.shutdown()
        }
    }

    static func check(_ simulator: JobSimulator, url: String, python: String, client: JobClient) async throws {
        let jobs = Dictionary(uniqueKeysWithValues: simulator.topLevelJobs.map { ($0.service.name, $0.id) })
        #expect(jobs.count == 12)
        let script = "\(JobwatchBinary.packageRoot)/scripts/sdk-check-families.py"
        let process = try ChildProcess(
            executable: python, arguments: [script, url, accessKey, secretKey, projectID, domainID],
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8", "NO_PROXY": "127.0.0.1"],
            stdin: try JSONSerialization.data(withJSONObject: ["jobs": jobs])
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
        func inner(_ call: String, _ member: String) throws -> Object {
            let wrapped = try body(call)
            if let list = wrapped[member] as? [Object] { return try #require(list.first, "\(call): empty \(member)") }
            return try #require(wrapped[member] as? Object, "\(call): no \(member) in \(wrapped)")
        }

        // What the SDK's models read: the job asked, in the scenario's status at `at`.
        let words: [String: (object: Object, id: String, status: String)] = [
            "rds": (try inner("rds", "job"), "id", "status"),
            "dds": (try inner("dds", "job"), "id", "status"),
            "opengauss": (try inner("opengauss", "job"), "id", "status"),
            "taurusdb": (try inner("taurusdb", "job"), "id", "status"),
            "geminidb": (try inner("geminidb", "jobs"), "id", "status"),
            "dcs": (try body("dcs"), "job_id", "status"),
            "elb": (try inner("elb", "job"), "job_id", "status"),
            "sfsturbo": (try body("sfsturbo"), "job_id", "status"),
            "cbr": (try inner("cbr", "operation_log"), "id", "status"),
            "dms": (try inner("dms", "tasks"), "id", "status"),
            "geip": (try inner("geip", "job"), "id", "status"),
        ]
        let endpoint = try Endpoint(parsing: url)
        let credential = Credential.accessKey(.init(accessKeyID: accessKey, secretKey: Secret(secretKey)))
        for (name, read) in words {
            let plan = try #require(simulator.core.scenario.byID[jobs[name] ?? ""], "\(name)")
            let asked = name == "dms" ? String(plan.id.split(separator: "/").last ?? "") : plan.id
            #expect(read.object[read.id] as? String == asked, "\(name): \(read.object)")
            #expect(read.object[read.status] as? String == plan.status(at: at), "\(name): \(read.object)")
            // jobwatch's reading of the same job: the same word, verbatim.
            let service = try #require(Service.named(name))
            let target = JobTarget(service: service, endpoint: endpoint, projectID: service.scope == .account ? domainID : projectID, jobID: plan.id)
            let fetched = try await client.fetch(target, credential: credential, now: Date())
            #expect(fetched.job.status.word == read.object[read.status] as? String, "\(name)")
        }
        // Fields the SDK models name: the instance's name, DCS's millisecond strings, ELB's sub-jobs.
        #expect((words["rds"]?.object["instance"] as? Object)?["name"] as? String == "orders-db")
        #expect(Int(words["dcs"]?.object["begin_time"] as? String ?? "") != nil, "epoch milliseconds in a string")
        #expect((words["elb"]?.object["sub_jobs"] as? [Object])?.count == 3)

        // The order: its integer status and its resources, as BSS's models have them.
        let order = try inner("order", "order_info")
        #expect(order["order_id"] as? String == jobs["order"])
        #expect(order["status"] as? Int == 5, "completed by \(at) s: \(order)")
        let resources = try body("order.resources")
        let data = try #require(resources["data"] as? [Object])
        #expect(Set(data.compactMap { $0["resource_name"] as? String }) == ["web-prepaid-01", "web-prepaid-02"])
        let fetched = try await client.fetch(JobTarget(service: .order, endpoint: endpoint, projectID: domainID, jobID: jobs["order"] ?? ""), credential: credential, now: Date())
        #expect(fetched.job.status.word == "COMPLETED")
        #expect(Set(fetched.job.subJobs.compactMap { $0.entities["resource_name"] }) == ["web-prepaid-01", "web-prepaid-02"])
        #expect(fetched.job.subJobs.allSatisfy { $0.status.word == "IN_USE" })
    }
}
