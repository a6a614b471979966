import Foundation
import Testing

/// `wait --on-fail 'sleep 100'`: after its drain time `wait` says which commands are still
/// running and ends their process groups, so no `sh -c` (or what it started) is left behind.
@Suite(.timeLimit(.minutes(2)))
struct HookDrainEndToEndTests {
    @Test func hooksStillRunningAfterTheDrainAreNamedAndEnded() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let record = scratch.file("pids.txt")
        // The shell records its process ID (its group's, too), then runs a child that outlives it.
        let command = "echo $$ >> \(shellQuoted(record)); exec >/dev/null 2>&1; sleep 100; true"
        let result = try await BinaryRunner(scratch: scratch).run(
            ["wait", "--demo", "--scenario", "quick", "--speed", "20", "--interval", "1s", "--on-fail", command],
            timeout: .seconds(60)
        )
        #expect(result.exitCode == 1, "\(result)")
        let pids = ((try? String(contentsOfFile: record, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { Int32($0) }
        #expect(!pids.isEmpty, "no hook ran: \(result)")
        let stillRunning = result.stderrLines.filter { $0.contains("still running after ") && $0.contains("finish within 10s") }
        #expect(stillRunning.count == pids.count, "\(result)")
        for line in stillRunning {
            #expect(line.hasPrefix("jobwatch: notification command for job ") && line.contains(" — "), "\(line)")
        }
        for pid in pids {
            let gone = await eventually(timeout: .seconds(10)) { kill(-pid, 0) == -1 && errno == ESRCH }
            #expect(gone, "process group \(pid) still has processes")
            if !gone { kill(-pid, SIGKILL) }
        }
    }
}
