import Foundation
import Testing

/// A last save that fails is said, with the path: `--exit-when-done` (a run whose purpose is the
/// record) exits 74; it printed nothing and exited as if all were well.
@Suite("Unsaved state", .timeLimit(.minutes(2)))
struct UnsavedStateTests {
    @Test func exitWhenDoneSaysTheLastSaveFailed() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let simulator = try await StandaloneSimulator.start(runner: runner, speed: 3)
        defer { simulator.process.stop() }
        let folder = scratch.file("state"), stateFile = scratch.file("state/state.json")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let stream = try runner.start(["--plain", "--exit-when-done", "--state-file", stateFile, "--endpoint", simulator.baseURL, "--project-id", "p1", "--auth", "none", "--no-names", simulator.jobs[0].id])
        defer { stream.stop() }
        // Once a first save has landed — the job's row, whose text SQLite keeps in clear in the
        // file or its WAL (the file itself exists from the open on) — the folder becomes a file:
        // every later save fails. Read as bytes: no connection of the test's to wait for.
        let id = Data(simulator.jobs[0].id.utf8)
        let saved = await eventually(timeout: .seconds(20)) {
            [stateFile, stateFile + "-wal"].contains { FileManager.default.contents(atPath: $0)?.range(of: id) != nil }
        }
        #expect(saved, "\(stream.transcript)")
        try FileManager.default.removeItem(atPath: folder)
        #expect(FileManager.default.createFile(atPath: folder, contents: Data()))
        let termination = await stream.waitForExit(timeout: .seconds(60))
        #expect(termination == .exited(74), "\(stream.transcript)")
        #expect(stream.stderr.contains("jobwatch: the state was not saved: \(folder): is a file, not a folder"), "\(stream.transcript)")
    }
}
