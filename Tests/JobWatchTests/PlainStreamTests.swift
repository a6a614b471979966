import Foundation
import Testing

/// The dashboard command with standard output not a terminal: transition lines, no escapes.
@Suite struct PlainStreamTests {
    @Test func pipedOutputIsPlainLinesUntilSIGTERM() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // A terminal type that would allow the dashboard: the pipe alone must turn it off.
        let runner = try BinaryRunner(scratch: scratch, environment: ["TERM": "xterm-256color"])
        let watcher = try runner.start(["--demo", "--speed", "30", "--scenario", "quick", "--interval", "1s"])
        defer { watcher.stop() }

        let batchFailed = await watcher.waitForOutput(timeout: .seconds(20)) { output in
            ScreenText.lines(output).contains { $0.contains("baremetalBatchCreate") && $0.hasSuffix("instances") && $0.contains("→ FAIL") }
        }
        #expect(batchFailed, "\(watcher.transcript)")
        let lines = ScreenText.lines(watcher.stdout)
        #expect(lines.allSatisfy { TransitionLine($0) != nil || $0.hasPrefix("… ") || $0.hasPrefix("all 3 jobs finished") }, "\(watcher.transcript)")

        // Everything is finished, yet the watch goes on until it is told to stop.
        try await Task.sleep(for: .milliseconds(500))
        #expect(watcher.isRunning, "\(watcher.transcript)")
        watcher.send(SIGTERM)
        let termination = await watcher.waitForExit(timeout: .seconds(30))
        // Streaming turns SIGINT/SIGTERM/SIGHUP into "interrupted" (Watch.swift): 130.
        #expect(termination == .exited(143), "128 + SIGTERM: \(termination?.description ?? "did not stop on SIGTERM")\n\(watcher.transcript)")
        #expect(!watcher.stdoutBytes.contains(0x1B), "an escape sequence on a pipe\n\(watcher.transcript)")
        #expect(!watcher.stderr.contains("\u{1B}"), "\(watcher.transcript)")
    }

    @Test func onFailRunsTheCommandWithTheFailingJob() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let record = scratch.file("failures.txt")
        // Slow on purpose, and off our pipes (so the runner cannot wait for it instead):
        // `wait` itself must let the command finish before it exits.
        let command = "exec >/dev/null 2>&1; sleep 0.3; printf '%s %s\\n' \"$JOBWATCH_JOB_ID\" \"$JOBWATCH_STATUS\" >> \(shellQuoted(record))"
        let result = try await runner.run(
            ["wait", "--demo", "--scenario", "quick", "--speed", "20", "--interval", "1s", "--on-fail", command],
            timeout: .seconds(40)
        )
        #expect(result.exitCode == 1, "\(result)")
        let failLine = try #require(ScreenText.lines(result.stdout).first { $0.hasPrefix("  FAIL baremetalBatchCreate ") }, "\(result)")
        let batchID = try #require(failLine.split(separator: " ").dropFirst(2).first.map { String($0.dropLast()) }, "\(result)")

        // The batch fails once and its failed sub-job once; both name the batch's job ID.
        let contents = (try? String(contentsOfFile: record, encoding: .utf8)) ?? "(no file)"
        #expect(contents == "\(batchID) FAIL\n\(batchID) FAIL\n", "\(record):\n\(contents)\n\(result)")
    }
}
