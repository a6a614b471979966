import Foundation
import Testing

/// `get` against a standalone simulator prints the names and addresses of the servers a job
/// names; `--no-names` keeps the IDs only.
@Suite("names end to end", .timeLimit(.minutes(2)))
struct NamesEndToEndTests {
    @Test func getPrintsServerNamesAndAddresses() async throws {
        try await MixedServicesEndToEndTests.withSimulator(speed: 20) { simulator, runner, _ in
            let ecs = MixedServicesEndToEndTests.qualified(try simulator.job(ofType: "createServer"))
            // Until the ECS batch has its sub-jobs (a few sped-up seconds in), there is nothing to name.
            var result = try await MixedServicesEndToEndTests.getOnceCreated([ecs], simulator, runner)
            var tries = 0
            while !result.stdout.contains("web-0"), tries < 20 {
                tries += 1
                try await Task.sleep(for: .milliseconds(500))
                result = try await MixedServicesEndToEndTests.getOnceCreated([ecs], simulator, runner)
            }
            #expect(result.exitCode == 0 || result.exitCode == 1, "\(result)")
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.contains { $0.contains("create server  web-0") && $0.contains("192.0.2.") }, "\(result)")

            let json = try await MixedServicesEndToEndTests.getOnceCreated([ecs], simulator, runner, extra: ["--json"])
            #expect(json.stdout.contains("\"resources\""), "\(json)")
            #expect(json.stdout.contains("\"kind\" : \"server\""), "\(json)")

            let plain = try await MixedServicesEndToEndTests.getOnceCreated([ecs], simulator, runner, extra: ["--no-names"])
            #expect(!plain.stdout.contains("web-0"), "\(plain)")
            #expect(plain.stdout.contains("server_id="), "\(plain)")
        }
    }

    /// Names must not hold `get`'s answer: the demo's 24 BMS servers are one GET each within the
    /// budget (minutes), so `get` prints once the jobs are read and a short grace has passed,
    /// not at its timeout; `--names wait` waits up to the timeout for them.
    @Test func namesDoNotHoldGetsAnswer() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let started = ContinuousClock.now
        let result = try await runner.run(["get", "--demo", "--timeout", "45s"], timeout: .seconds(60))
        #expect(result.exitCode == 0 || result.exitCode == 1, "\(result)")
        #expect(result.stdout.contains("create servers"), "\(result)")
        #expect(ContinuousClock.now - started < .seconds(40), "get waited out its timeout for names\n\(result)")

        // Waited for, the 24 BMS servers' names come from one page of BMS's list.
        let named = try await runner.run(["get", "--demo", "--names", "wait", "--timeout", "45s"], timeout: .seconds(60))
        #expect(named.stdout.components(separatedBy: "create server  db-bare-").count - 1 == 24, "\(named)")

        let usage = try await runner.run(["get", "--demo", "--names", "later"], timeout: .seconds(30))
        #expect(usage.exitCode == 64, "\(usage)")
    }
}

