import Foundation
import Testing

/// A stream starts with what is known, and says when everything is finished.
@Suite struct StreamStartTests {
    @Test func finishedJobsFromTheStateFileAreShownAndTheEndIsSaid() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let simulator = try await StandaloneSimulator.start(runner: runner, speed: 20)
        defer { simulator.process.stop() }
        let attach = try simulator.job(ofType: "baremetalAttachVolume")
        let state = scratch.file("state.db")
        let common = ["--endpoint", simulator.baseURL, "--project-id", "p1", "--interval", "1s", "--state-file", state]

        // First run: until the job is finished (its end is in the state file).
        let first = try await runner.run(["--plain", "--exit-when-done", attach.id] + common, timeout: .seconds(30))
        #expect(first.exitCode == 0, "--exit-when-done exits with wait's codes\n\(first)")
        // The server's name follows the ID once its lookup has answered, which may be first.
        let firstLines = ScreenText.lines(first.stdout).compactMap(TransitionLine.init)
        let attachLines = firstLines.filter { $0.subject == "baremetalAttachVolume \(attach.id)" }
        #expect(attachLines.first?.from == "seen", "\(first)")
        #expect(attachLines.last?.to == "SUCCESS", "\(first)")

        // Second run: the job is known finished; it is never asked, but it is shown at once.
        let second = try runner.start(["--plain", attach.id] + common)
        defer { second.stop() }
        let shown = await second.waitForOutput(timeout: .seconds(30)) { $0.contains("all 1 job finished") }
        #expect(shown, "\(second.transcript)")
        let lines = ScreenText.lines(second.stdout)
        let firstLine = lines.first ?? ""
        #expect(firstLine.contains("baremetalAttachVolume \(attach.id)"), "\(second.transcript)")
        #expect(firstLine.contains("  SUCCESS (read "), "\(second.transcript)")
        #expect(lines.first?.contains("from the state file") == true, "\(second.transcript)")
        #expect(lines.contains { $0.contains("nothing more can be added") }, "\(second.transcript)")
        #expect(second.isRunning, "without --exit-when-done the stream goes on\n\(second.transcript)")
        second.send(SIGHUP)
        #expect(await second.waitForExit(timeout: .seconds(30)) == .exited(129), "128 + SIGHUP\n\(second.transcript)")
        await simulator.stop()
    }
}
