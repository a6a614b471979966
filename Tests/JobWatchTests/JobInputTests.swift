import Foundation
import JobModel
import JobAPI
import Testing

/// Job IDs from standard input and from a jobs file that grows while jobwatch runs.
@Suite struct JobInputTests {
    static let projectID = "6a1f0e2d3c4b5a69788796a5b4c3d2e1"

    /// `wait -` over `stdin` against a standalone simulator, with its attach-volume job's ID
    /// put into the text where it says `ATTACH`.
    static func waitOnStandardInput(_ stdin: String) async throws -> (result: BinaryRunner.Result, attachID: String) {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let simulator = try await StandaloneSimulator.start(runner: runner, speed: 20)
        defer { simulator.process.stop() }
        let attach = try simulator.job(ofType: "baremetalAttachVolume")
        let result = try await runner.run(
            ["wait", "-", "--endpoint", simulator.baseURL, "--project-id", Self.projectID, "--interval", "1s", "--timeout", "30s"],
            stdin: Data(stdin.replacingOccurrences(of: "ATTACH", with: attach.id).utf8)
        )
        await simulator.stop()
        return (result, attach.id)
    }

    @Test func waitReadsTheAPIsJSONFromStandardInput() async throws {
        let (result, attach) = try await Self.waitOnStandardInput("{\"job_id\": \"ATTACH\"}\n")
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("baremetalAttachVolume \(attach)"), "full job IDs, usable by scripts: \(result)")
        #expect(result.stdout.contains("→ SUCCESS"), "\(result)")
        #expect(result.stdout.contains("1 job: 1 succeeded, 0 failed"), "\(result)")
    }

    @Test func jobsAppendedToTheJobsFileJoinTheWatch() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        // Real time: the rollout's jobs stay unfinished while the test runs.
        let simulator = try await StandaloneSimulator.start(runner: runner, scenario: "rollout")
        defer { simulator.process.stop() }
        let first = try simulator.job(ofType: "baremetalBatchCreate")
        let second = try simulator.job(ofType: "baremetalReinstallOs")
        let jobsFile = scratch.file("jobs.txt")
        try Data("\(first.id)\n".utf8).write(to: URL(fileURLWithPath: jobsFile))

        let watcher = try runner.start(
            ["--plain", "--jobs-file", jobsFile, "--endpoint", simulator.baseURL, "--project-id", Self.projectID, "--interval", "1s", "--no-state"]
        )
        defer { watcher.stop() }
        let firstShort = first.id, secondShort = second.id
        let sawFirst = await watcher.waitForOutput(timeout: .seconds(30)) { $0.contains(firstShort) }
        #expect(sawFirst, "\(watcher.transcript)")
        #expect(!watcher.stdout.contains(secondShort), "\(watcher.transcript)")

        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: jobsFile))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\(second.id) reinstall-db01\n".utf8))
        try handle.close()
        let sawSecond = await watcher.waitForOutput(timeout: .seconds(30)) { $0.contains("\(secondShort) \u{201C}reinstall-db01\u{201D}") }
        #expect(sawSecond, "\(watcher.transcript)")

        watcher.send(SIGTERM)
        let termination = await watcher.waitForExit(timeout: .seconds(30))
        #expect(termination == .exited(143), "128 + SIGTERM: \(termination?.description ?? "did not stop on SIGTERM")\n\(watcher.transcript)")
        await simulator.stop()
    }
}
