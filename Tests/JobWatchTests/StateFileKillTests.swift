import Foundation
import JobModel
import JobEngine
import Testing

/// The state is an SQLite database in WAL mode: a save commits whole or not at all, so
/// however the process dies, the database at the path opens (nothing moved aside as damaged)
/// with every job, and no answer saved before the kill is lost.
@Suite struct StateFileKillTests {
    @Test func killedAtRandomMomentsLeavesALoadableDatabase() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let statePath = scratch.file("state/jobwatch-e2e.db")
        var generator = SystemRandomNumberGenerator()
        var kills: [String] = []
        var answered = 0

        for round in 1...4 {
            let watcher = try runner.start(["--plain", "--demo", "--speed", "50", "--interval", "1s", "--state-file", statePath])
            defer { watcher.stop() }
            // The first round waits for the first lines and the first save (about a second after
            // a change), read as another process reads it while jobwatch runs; later rounds start
            // from that database and print only what changes.
            if round == 1 {
                let started = await watcher.waitForOutput(timeout: .seconds(30)) { !$0.isEmpty }
                #expect(started, "\(watcher.transcript)")
                let saved = await eventually(timeout: .seconds(30)) {
                    // Not before jobwatch made it: this reader would create it.
                    guard FileManager.default.fileExists(atPath: statePath) else { return false }
                    return (try? await Self.read(statePath).file.jobs.count) == 16
                }
                #expect(saved, "the 16 jobs not saved after 30 s\n\(watcher.transcript)")
            }
            let delay = Int.random(in: 0...2_500, using: &generator)
            try await Task.sleep(for: .milliseconds(delay))
            watcher.send(SIGKILL)
            let termination = await watcher.waitForExit(timeout: .seconds(5))
            kills.append("round \(round): SIGKILL after \(delay) ms (\(termination?.description ?? "?"))")
            #expect(termination == .signalled(SIGKILL), "\(kills)\n\(watcher.transcript)")

            // A restart would read exactly this.
            let loaded: (file: StateFile, notices: [String])
            do {
                loaded = try await Self.read(statePath)
            } catch {
                Issue.record("\(kills): \(error)")
                return
            }
            #expect(loaded.notices.isEmpty, "opened as it was, nothing moved aside: \(loaded.notices) \(kills)")
            #expect(loaded.file.jobs.count == 16, "the demo's 16 jobs: \(kills)")
            let now = loaded.file.jobs.count { $0.job != nil }
            #expect(now >= answered, "\(answered) answers saved before, \(now) after: \(kills)")
            answered = now
        }
        #expect(answered > 0, "answers were saved: \(kills)")
    }

    /// Every job in the database, as a second process opening it reads them.
    static func read(_ path: String) async throws -> (file: StateFile, notices: [String]) {
        let database = StateDatabase(path: path)
        do {
            let loaded = try await database.load(.all)
            let notices = await database.notices
            await database.close()
            return (loaded.file, notices)
        } catch {
            await database.close()
            throw error
        }
    }
}
