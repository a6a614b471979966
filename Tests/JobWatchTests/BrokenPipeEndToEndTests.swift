import Foundation
import Testing

/// A script that reads only the first lines (`jobwatch … | head -1`): jobwatch ends as any
/// Unix filter does when its reader goes away, by SIGPIPE, and never crashes on the write.
@Suite("A reader that goes away", .timeLimit(.minutes(2)))
struct BrokenPipeEndToEndTests {
    @Test("the stream ends by SIGPIPE, without a crash, once its reader has gone", arguments: [
        ["--demo", "--no-state", "--speed", "20", "--plain"],
        ["--demo", "--no-state", "--speed", "20", "--plain", "--json"],
    ])
    func streamEndsBySIGPIPE(_ arguments: [String]) async throws {
        let scratch = try Scratch()
        let command = ([try JobwatchBinary.require()] + arguments).map { "'\($0)'" }.joined(separator: " ")
        // bash reports the first command's status of the pipeline: 128 + SIGPIPE.
        let child = try ChildProcess(
            executable: "/bin/bash", arguments: ["-c", "\(command) | head -n 1 >/dev/null; echo \"status=${PIPESTATUS[0]}\""],
            environment: scratch.environment(withExtra: [:])
        )
        defer { child.stop() }
        let termination = await child.waitForExit(timeout: .seconds(90))
        #expect(termination == .exited(0), "\(child.transcript)")
        #expect(child.stdout.contains("status=\(128 + SIGPIPE)"), "\(child.transcript)")
        #expect(!child.stderr.contains("Fatal error"), "\(child.transcript)")
    }
}
