import Foundation
import JobModel
import JobEngine
import Testing

/// The state file is written atomically (temp file + rename): however the process dies, what
/// is at the path is a whole file that loads.
@Suite struct StateFileKillTests {
    @Test func killedAtRandomMomentsLeavesALoadableStateFile() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let statePath = scratch.file("state/jobwatch-e2e.json")
        var generator = SystemRandomNumberGenerator()
        var kills: [String] = []

        for round in 1...4 {
            let watcher = try runner.start(["--plain", "--demo", "--speed", "50", "--interval", "1s", "--state-file", statePath])
            defer { watcher.stop() }
            // The first round waits for the first lines and the first save (saves come at most
            // every 2 s); later rounds start from that file and print only what changes.
            if round == 1 {
                let started = await watcher.waitForOutput(timeout: .seconds(15)) { !$0.isEmpty }
                #expect(started, "\(watcher.transcript)")
                let saved = await eventually(timeout: .seconds(10)) { FileManager.default.fileExists(atPath: statePath) }
                #expect(saved, "no state file after 10 s\n\(watcher.transcript)")
            }
            let delay = Int.random(in: 0...2_500, using: &generator)
            try await Task.sleep(for: .milliseconds(delay))
            watcher.send(SIGKILL)
            let termination = await watcher.waitForExit(timeout: .seconds(5))
            kills.append("round \(round): SIGKILL after \(delay) ms (\(termination?.description ?? "?"))")
            #expect(termination == .signalled(SIGKILL), "\(kills)\n\(watcher.transcript)")

            // A restart would read exactly this.
            let loaded: StateFile?
            do {
                loaded = try StateStore(path: statePath).load()
            } catch {
                let text = (try? String(contentsOfFile: statePath, encoding: .utf8)) ?? "(unreadable)"
                Issue.record("\(kills): \(error)\n\(text.prefix(2_000))")
                return
            }
            let file = try #require(loaded, "\(kills): no state file")
            #expect(file.jobs.count == 12, "the demo's 12 jobs: \(kills)")
        }
    }
}
