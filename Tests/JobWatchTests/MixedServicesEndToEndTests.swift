import Foundation
import Testing

/// One `get` and one `wait` over every service's jobs, against a standalone simulator that
/// checks AK/SK signatures on each service's own path.
@Suite("every service in one tree", .timeLimit(.minutes(2)))
struct MixedServicesEndToEndTests {
    static let environment = SimulatorAuthTests.accessKeyEnvironment

    static func withSimulator(speed: Double, _ body: (StandaloneSimulator, BinaryRunner, Scratch) async throws -> Void) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let simulator = try await StandaloneSimulator.start(runner: runner, scenario: "rollout", speed: speed, environment: environment)
        defer { simulator.process.stop() }
        try await body(simulator, runner, scratch)
        await simulator.stop()
    }

    static func qualified(_ job: StandaloneSimulator.ListedJob) -> String { "\(job.service)/\(job.id)" }

    static func common(_ simulator: StandaloneSimulator) -> [String] {
        ["--endpoint", simulator.baseURL, "--project-id", SimulatorAuthTests.projectID]
    }

    /// `get` until every job is readable: the simulator's morning starts at scenario time 0,
    /// and some jobs are created a few (sped-up) seconds in. Until then they are not found.
    /// Asked once a second at most, within the simulated gateway's quota.
    static func getOnceCreated(_ ids: [String], _ simulator: StandaloneSimulator, _ runner: BinaryRunner, extra: [String] = []) async throws -> BinaryRunner.Result {
        var result = try await runner.run(["get"] + extra + common(simulator) + ids, environment: environment, timeout: .seconds(20))
        var tries = 0
        while result.exitCode == 3, tries < 40 {
            tries += 1
            try await Task.sleep(for: .seconds(1))
            result = try await runner.run(["get"] + extra + common(simulator) + ids, environment: environment, timeout: .seconds(20))
        }
        return result
    }

    @Test func getReadsOneJobOfEachServiceInOneTree() async throws {
        try await Self.withSimulator(speed: 20) { simulator, runner, _ in
            let picks = try ["baremetalAttachVolume", "createServer", "batchCreateVolume", "imsCreateImageByInstance", "createBatchPublicip", "CreateCluster"]
                .map { Self.qualified(try simulator.job(ofType: $0)) }
            #expect(picks.map { $0.split(separator: "/")[0] } == ["bms", "ecs", "evs", "ims", "vpc", "cce"])
            let result = try await Self.getOnceCreated(picks, simulator, runner)
            #expect(result.exitCode == 0 || result.exitCode == 1, "\(result)")
            let tops = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
            #expect(tops.count == 6, "\(result)")
            for tag in ["BMS ", "ECS create servers", "EVS create volumes", "IMS image from server", "EIP create EIPs", "CCE create cluster"] {
                #expect(tops.contains { $0.contains(tag) }, "\(tag) missing\n\(result)")
            }
            #expect(tops.contains { $0.contains("CCE") && ($0.contains("Running") || $0.contains("Success")) }, "CCE's own status word\n\(result)")
            #expect(simulator.process.stderr.contains("checking AK/SK signatures"), "\(simulator.process.transcript)")

            let json = try await Self.getOnceCreated(picks, simulator, runner, extra: ["--json"])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json)")
            let jobs = try #require(document["jobs"] as? [[String: Any]])
            #expect(jobs.compactMap { $0["service"] as? String } == ["bms", "ecs", "evs", "ims", "vpc", "cce"], "\(json)")
            #expect(jobs.allSatisfy { ($0["job"] as? [String: Any])?["outcome"] is String }, "\(json)")
        }
    }

    @Test func waitSeesTheECSQuotaFailureAndTheCCENodeReason() async throws {
        try await Self.withSimulator(speed: 30) { simulator, runner, scratch in
            let ecs = try simulator.job(ofType: "createServer")
            let node = try #require(simulator.jobs.first { $0.service == "cce" && $0.type == "CreateNode" }, "\(simulator.process.transcript)")
            let common = Self.common(simulator)
            let probe = try await Self.getOnceCreated([Self.qualified(node)], simulator, runner)
            #expect(probe.exitCode != 3, "the jobs never appeared\n\(probe)")
            let config = scratch.file("fast.json")
            try Data(#"{"poll": {"interval": "1s", "requests_per_minute": 600, "heartbeat": "1h"}}"#.utf8).write(to: URL(fileURLWithPath: config))
            let result = try await runner.run(
                ["wait"] + common + ["--config", config, "--timeout", "60s", Self.qualified(ecs), Self.qualified(node)],
                environment: Self.environment, timeout: .seconds(90)
            )
            #expect(result.exitCode == 1, "a job failed\n\(result)")
            #expect(result.stdout.contains("ecs/\(ecs.id)"), "stream lines name the service\n\(result)")
            #expect(result.stdout.contains("Quota exceeded"), "\(result)")
            #expect(result.stdout.contains("no free IP addresses"), "the CCE reason\n\(result)")
            #expect(result.stdout.contains("Running → Failed") || result.stdout.contains("Running -> Failed"), "CCE's words, verbatim\n\(result)")
        }
    }

    @Test func aBadServiceNameIsAUsageError() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let result = try await runner.run(["get", "--endpoint", "http://127.0.0.1:9", "--project-id", "p", "--service", "sql", "abc"], timeout: .seconds(20))
        #expect(result.exitCode == 64, "\(result)")
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderr.contains("bms, ecs, evs, ims, vpc, cce, rds, dds"), "\(result)")
    }

}
