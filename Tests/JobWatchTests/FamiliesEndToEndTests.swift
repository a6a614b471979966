import Foundation
import Testing

/// The families of FAMILIES.md end to end: `get`, `wait`, `report` and JSON of one job of each
/// (the simulator's `families` scenario), on each service's own path, with AK/SK signatures
/// checked. The RDS job is unknown for its first scenario seconds, as the RDS pages warn.
@Suite("every family end to end", .timeLimit(.minutes(3)))
struct FamiliesEndToEndTests {
    static let environment = SimulatorAuthTests.accessKeyEnvironment
    static let services = ["rds", "dds", "opengauss", "taurusdb", "geminidb", "dcs", "elb", "sfsturbo", "cbr", "dms", "geip", "order"]
    /// The simulator's demo account: Global EIP jobs and orders are the account's.
    static let domainID = "9a8b7c6d5e4f40312233445566778899"

    static func withSimulator(speed: Double, _ body: (StandaloneSimulator, BinaryRunner, Scratch) async throws -> Void) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let simulator = try await StandaloneSimulator.start(runner: runner, scenario: "families", speed: speed, environment: environment)
        defer { simulator.process.stop() }
        try await body(simulator, runner, scratch)
        await simulator.stop()
    }

    static func all(_ simulator: StandaloneSimulator) -> [String] { simulator.jobs.map { "\($0.service)/\($0.id)" } }

    static func common(_ simulator: StandaloneSimulator) -> [String] {
        ["--endpoint", simulator.baseURL, "--project-id", SimulatorAuthTests.projectID, "--domain-id", Self.domainID]
    }

    @Test func waitFollowsEveryFamilyToItsEnd() async throws {
        try await Self.withSimulator(speed: 4) { simulator, runner, scratch in
            #expect(simulator.jobs.map(\.service) == Self.services, "\(simulator.process.transcript)")
            let config = scratch.file("fast.json")
            try Data(#"{"poll": {"interval": "1s", "requests_per_minute": 600, "heartbeat": "1h"}}"#.utf8).write(to: URL(fileURLWithPath: config))
            let result = try await runner.run(
                ["wait"] + Self.common(simulator) + ["--config", config, "--timeout", "90s", "--no-state"] + Self.all(simulator),
                environment: Self.environment, timeout: .seconds(120)
            )
            // DDS fails and CBR's restore is skipped: two failures, every other job done.
            #expect(result.exitCode == 1, "\(result)")
            #expect(result.stdout.contains("createVM failed."), "DDS's fail_reason\n\(result)")
            #expect(result.stdout.contains("skipped"), "CBR's word, verbatim\n\(result)")
            #expect(result.stdout.contains("Completed"), "the database family's word\n\(result)")
            #expect(result.stdout.contains("COMPLETE"), "ELB's word\n\(result)")
            #expect(result.stdout.contains("FINISH_SUCC"), "Global EIP's word\n\(result)")
            #expect(result.stdout.contains("PENDING_PAYMENT") && result.stdout.contains("COMPLETED"), "the order's statuses, as words\n\(result)")
            let rds = try #require(simulator.jobs.first { $0.service == "rds" })
            // Unknown at first (HTTP 400 DBS.200543), then followed to its end: never given up.
            #expect(result.stdout.split(separator: "\n").contains { $0.contains(rds.id) && $0.contains("Completed") }, "\(result)")
            #expect(!result.stdout.contains("UNREADABLE"), "\(result)")
        }
    }

    @Test func getReportAndJSONNameEveryFamily() async throws {
        try await Self.withSimulator(speed: 2) { simulator, runner, _ in
            let ids = Self.all(simulator)
            // The RDS job appears 10 scenario seconds in: asked until it is there.
            var result = try await runner.run(["get", "--timeout", "30s", "--no-state"] + Self.common(simulator) + ids, environment: Self.environment, timeout: .seconds(45))
            for _ in 0..<30 where result.exitCode == 3 {
                try await Task.sleep(for: .seconds(1))
                result = try await runner.run(["get", "--timeout", "30s", "--no-state"] + Self.common(simulator) + ids, environment: Self.environment, timeout: .seconds(45))
            }
            #expect(result.exitCode == 0 || result.exitCode == 1, "\(result)")
            let tops = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
            #expect(tops.count == 12, "\(result)")
            for title in [
                "RDS create MySQL HA instance orders-db", "DDS create DDS instance catalog-mongo", "openGauss create openGauss instance ledger-gauss",
                "TaurusDB create TaurusDB instance cart-taurus", "GeminiDB create GeminiDB instance events-nosql", "DCS resize cache instance",
                "ELB upgrade load balancer", "SFS Turbo bind LDAP", "CBR restore web-01", "DMS resize instance",
                "GEIP associate global EIP", "ORDER ECS order",
            ] {
                #expect(tops.contains { $0.contains(title) }, "\(title) missing\n\(result)")
            }

            let json = try await runner.run(["get", "--timeout", "30s", "--no-state", "--json"] + Self.common(simulator) + ids, environment: Self.environment, timeout: .seconds(45))
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json)")
            let jobs = try #require(document["jobs"] as? [[String: Any]])
            #expect(jobs.compactMap { $0["service"] as? String } == Self.services, "\(json)")
            let order = try #require(jobs.first { $0["service"] as? String == "order" })
            #expect(order["domain_id"] as? String == Self.domainID && order["project_id"] is NSNull, "an order is the account's\n\(json)")
            let dms = try #require(jobs.first { $0["service"] as? String == "dms" })
            #expect((dms["id"] as? String ?? dms["job_id"] as? String)?.contains("/") == true, "a DMS task keeps its instance\n\(json)")

            let report = try await runner.run(["report", "--no-state"] + Self.common(simulator) + ids, environment: Self.environment, timeout: .seconds(30))
            #expect([0, 1].contains(report.exitCode), "\(report)")
            for tag in ["RDS", "DDS", "openGauss", "TaurusDB", "GeminiDB", "DCS", "ELB", "SFS Turbo", "CBR", "DMS", "GEIP", "ORDER"] {
                #expect(report.stdout.contains(tag), "\(tag) missing from the report\n\(report)")
            }
        }
    }

    @Test func unknownJobsAreNotFoundInEachFamilysWords() async throws {
        try await Self.withSimulator(speed: 1) { simulator, runner, _ in
            for (reference, words) in [
                ("rds/0b5b8a2c-3d4e-4f50-8a6b-7c8d9e0f1a2b", "DBS.200543"), ("elb/0b5b8a2c-3d4e-4f50-8a6b-7c8d9e0f1a2b", "ELB.8904"),
                ("sfsturbo/0b5b8a2c-3d4e-4f50-8a6b-7c8d9e0f1a2b", "SFS.TURBO.0106"), ("cbr/0b5b8a2c-3d4e-4f50-8a6b-7c8d9e0f1a2b", "BackupService.6500"),
                ("dms/0b5b8a2c-3d4e-4f50-8a6b-7c8d9e0f1a2b/8abfa7b272adc5b40172b73130065ae7", "DMS.00404022"),
            ] {
                let result = try await runner.run(["get", "--timeout", "30s", "--no-state"] + Self.common(simulator) + [reference], environment: Self.environment, timeout: .seconds(45))
                #expect(result.exitCode == 3, "not found\n\(result)")
                #expect(result.stderr.contains(words) && !result.stderr.contains("did not answer like"), "\(result)")
            }
            let bad = try await runner.run(["get", "--timeout", "30s", "--no-state"] + Self.common(simulator) + ["dms/8abfa7b272adc5b40172b73130065ae7"], environment: Self.environment, timeout: .seconds(45))
            #expect(bad.exitCode == 64, "a usage error\n\(bad)")
            #expect(bad.stderr.contains("dms/INSTANCE_ID/TASK_ID"), "\(bad)")
        }
    }
}

extension FamiliesEndToEndTests {
    /// `TF_LOG=DEBUG TF_LOG_PATH=tf.log terraform apply` beside `jobwatch --jobs-file tf.log`:
    /// Terraform's lines, written as it polls, give the jobs; its other lines are skipped.
    @Test func aTerraformLogAsTheJobsFile() async throws {
        try await Self.withSimulator(speed: 4) { simulator, runner, scratch in
            let log = scratch.file("tf.log")
            func line(_ service: String, _ path: String) -> String {
                "2026-12-07T10:00:00.000+0800 [INFO]  provider.terraform-provider-huaweicloud_v1.70.0: 2026/12/07 10:00:00 [DEBUG] [1765072800000-7] API Request URL: GET \(simulator.baseURL)\(path): timestamp=2026-12-07T10:00:00.000+0800"
            }
            let project = SimulatorAuthTests.projectID
            let dcs = try #require(simulator.jobs.first { $0.service == "dcs" })
            let elb = try #require(simulator.jobs.first { $0.service == "elb" })
            let dms = try #require(simulator.jobs.first { $0.service == "dms" })
            let parts = dms.id.split(separator: "/")
            let text = [
                "2026-12-07T10:00:00.000+0800 [INFO]  Terraform version: 1.9.0",
                line("dcs", "/v2/\(project)/jobs/\(dcs.id)"),
                "API Request Headers:",
                "{",
                #"  "job_id": "\#(dcs.id)""#,
                "}",
                line("elb", "/v3/\(project)/elb/jobs/\(elb.id)"),
                line("dms", "/v2/\(project)/instances/\(parts[0])/tasks/\(parts[1])"),
                line("dcs", "/v2/\(project)/jobs/\(dcs.id)"),
            ].joined(separator: "\n") + "\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: log))
            let result = try await runner.run(
                ["watch", "--plain", "--exit-when-done", "--no-state", "--interval", "1s", "--jobs-file", log] + Self.common(simulator),
                environment: Self.environment, timeout: .seconds(90)
            )
            #expect(result.exitCode == 0, "\(result)")
            for id in [dcs.id, elb.id, dms.id] {
                #expect(result.stdout.contains(id), "\(id) watched\n\(result)")
            }
            #expect(!result.stderr.contains("tf.log:"), "no problem with the log's other lines\n\(result)")
        }
    }
}

extension FamiliesEndToEndTests {
    /// `doctor --hosts` says where each service is read for a cloud, and sends nothing (the
    /// hosts are real clouds': the test must not reach them, and the command never tries).
    @Test func doctorListsEachServicesHostPerCloud() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let credentials = ["HUAWEICLOUD_SDK_AK": "AKDOCTORHOSTS000001", "HUAWEICLOUD_SDK_SK": "not-a-secret-for-hosts"]
        let otc = try await runner.run(["doctor", "--hosts", "--cloud", "otc", "--region", "eu-de", "--project-id", "p"], environment: credentials, timeout: .seconds(20))
        #expect(otc.exitCode == 0, "\(otc)")
        #expect(otc.stdout.contains("opengauss  https://gaussdb.eu-de.otc.t-systems.com"), "\(otc)")
        #expect(otc.stdout.contains("rds        https://rds.eu-de.otc.t-systems.com"), "\(otc)")
        let stack = try await runner.run(["doctor", "--hosts", "--json", "--cloud", "hcs:cloud.example.net", "--region", "r1", "--project-id", "p"], environment: credentials, timeout: .seconds(20))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(stack.stdout.utf8)) as? [String: Any], "\(stack)")
        let profile = try #require((document["profiles"] as? [[String: Any]])?.first, "\(stack)")
        #expect((profile["hosts"] as? [String: String])?["elb"] == "https://vpc.r1.cloud.example.net", "\(stack)")
        #expect(profile["unverified"] as? Bool == true)
        #expect(!otc.stdout.contains("not-a-secret") && !stack.stdout.contains("not-a-secret"))
    }
}

extension FamiliesEndToEndTests {
    /// A yearly/monthly create answers with an order: piped into `wait -`, the order is watched
    /// through payment to completion, and `get` then shows its resources beneath it.
    @Test func aPrepaidOrderFromACreateResponseIsWatchedToItsResources() async throws {
        try await Self.withSimulator(speed: 4) { simulator, runner, _ in
            let order = try #require(simulator.jobs.first { $0.service == "order" })
            let response = #"{"order_id": "\#(order.id)", "job_id": null}"#
            let result = try await runner.run(
                ["wait", "-", "--no-state", "--interval", "1s", "--timeout", "60s"] + Self.common(simulator),
                stdin: Data(response.utf8), environment: Self.environment, timeout: .seconds(90)
            )
            #expect(result.exitCode == 0, "\(result)")
            #expect(result.stdout.contains("order/\(order.id)") || result.stdout.contains(order.id), "\(result)")
            #expect(result.stdout.contains("COMPLETED"), "\(result)")
            let tree = try await runner.run(["get", "--timeout", "30s", "--no-state"] + Self.common(simulator) + ["order/\(order.id)"], environment: Self.environment, timeout: .seconds(45))
            #expect(tree.exitCode == 0, "\(tree)")
            #expect(tree.stdout.contains("web-prepaid-01") && tree.stdout.contains("web-prepaid-02"), "its resources beneath it\n\(tree)")
            #expect(tree.stdout.contains("IN_USE"), "\(tree)")
        }
    }

    /// Global EIP jobs live in the account: without a domain ID, one line that says where to give it.
    @Test func globalEIPWithoutADomainIDSaysWhatToGive() async throws {
        try await Self.withSimulator(speed: 1) { simulator, runner, _ in
            let geip = try #require(simulator.jobs.first { $0.service == "geip" })
            let result = try await runner.run(
                ["get", "--no-state", "--endpoint", simulator.baseURL, "--project-id", SimulatorAuthTests.projectID, "geip/\(geip.id)"],
                environment: Self.environment, timeout: .seconds(20)
            )
            #expect(result.exitCode == 64, "\(result)")
            #expect(result.stderrLines.count == 1 && result.stderr.contains("--domain-id"), "\(result)")
        }
    }
}
