import Foundation
import JobEngine
import JobModel

/// What one change costs the state (issue #29): with 30,000 sub-jobs in it (20 finished
/// batches of 1,500 servers and one moving), one sub-job of the moving batch ends and the
/// engine saves. Measured: the bytes written (`/proc/self/io` wchar) and the wall time of
/// `StateDatabase.apply` with the batch the engine makes; beside them, in the same run, the
/// same for the JSON state file (`StateStore.save` of the same state: today's anchor).
///
///     StateWrites [--changes 200] [--anchor-changes 50] [--dir PATH] [--tsv] [--keep]
///
/// Prints one row per side: changes, bytes per change (mean, median, max), write calls per
/// change, save time (p50, p99, max), the files' sizes. The database keeps its WAL between
/// saves, as jobwatch does, and copies it into the file beside the saves (`WALCheckpointer`,
/// at most every 10 s, on a connection of its own): those checkpoints are timed apart. Their
/// bytes count all the same: the close after the changes copies what the WAL still holds, and
/// `bytes_with_checkpoints` is every byte written from the first change to the closed file,
/// over the changes. The state is written whole first and the database closed and opened
/// again, as after a restart: copying that first WAL is not a change's cost.
@main
struct StateWrites {
    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        func value(_ name: String) -> String? {
            arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        }
        let changes = value("--changes").flatMap(Int.init) ?? 200
        let anchorChanges = value("--anchor-changes").flatMap(Int.init) ?? 50
        let tsv = arguments.contains("--tsv")
        let parent = value("--dir") ?? FileManager.default.temporaryDirectory.path
        let folder = "\(parent)/jobwatch-state-writes-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // `--keep`: the files stay, to look into (the WAL's frames, `dbstat`).
        defer { if !arguments.contains("--keep") { try? FileManager.default.removeItem(atPath: folder) } }

        var fixture = try StateFixture(now: Date())
        let subJobs = fixture.jobs.map(\.subJobs.count).reduce(0, +)
        note("state: \(fixture.jobs.count) jobs, \(subJobs) sub-jobs, \(fixture.events.count) events; \(fixture.running.count) sub-jobs running")

        // The database: every row once, then one change per save.
        let path = "\(folder)/state.db"
        let database = StateDatabase(path: path)
        let start = ContinuousClock.now
        try await database.apply(fixture.everything)
        note("database: first save of everything in \(ms(ContinuousClock.now - start)) ms, \(size(path) / 1024) KiB + WAL \(size(path + "-wal") / 1024) KiB")
        await database.close()
        note("closed (the WAL copied into the file): \(size(path) / 1024) KiB")
        // A few unmeasured changes: caches and the WAL's first checkpoint settle.
        for _ in 0..<5 {
            let event = fixture.endOneSubJob(at: Date())
            try await database.apply(fixture.change(event))
        }
        var sqlite: [Sample] = []
        for _ in 0..<changes {
            let event = fixture.endOneSubJob(at: Date())
            let batch = fixture.change(event)
            sqlite.append(try await Sample.measure { try await database.apply(batch) })
        }
        let beside = await database.takeSaveTimes().checkpoints.map(ms)
        let databaseSize = size(path)
        let walSize = size(path + "-wal")
        var rowSQLite = Row(name: "sqlite", samples: sqlite, files: "db=\(databaseSize) wal=\(walSize)")
        rowSQLite.checkpointsBeside = beside
        // With --keep the WAL stays as the last save left it (closing folds it into the file).
        if !arguments.contains("--keep") {
            let before = ProcessIO.now()
            await database.close()
            rowSQLite.closingBytes = ProcessIO.now().bytes - before.bytes
        }
        note(rowSQLite.text)

        // Today's anchor: the whole JSON state file, written and renamed over the old one.
        let store = StateStore(path: "\(folder)/state.json")
        var json: [Sample] = []
        for _ in 0..<anchorChanges {
            let event = fixture.endOneSubJob(at: Date())
            fixture.events.removeFirst()
            fixture.events.append(event)
            let file = fixture.file
            json.append(try await Sample.measure { try store.save(file) })
        }
        let rowJSON = Row(name: "json", samples: json, files: "file=\(size(store.path))")
        note(rowJSON.text)

        let ratio = Double(rowSQLite.meanBytes) / Double(max(1, rowJSON.meanBytes))
        if tsv {
            for row in [rowSQLite, rowJSON] { print(row.tsv) }
        } else {
            print(rowSQLite.text)
            print(rowJSON.text)
            let bytesGoal = rowSQLite.meanBytes <= 65_536 ? "met" : "NOT met"
            let timeGoal = rowSQLite.p99 <= 10 ? "met" : "NOT met"
            print("bytes per change: sqlite ÷ json = \(String(format: "%.5f", ratio)); goals: ≤ 64 KiB a change (\(bytesGoal)), p99 ≤ 10 ms (\(timeGoal))")
        }
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    static func ms(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}

/// One save: bytes and write calls (`/proc/self/io`), wall time, and the CPU time of the
/// process meanwhile (nothing else runs in it): the wall time less waiting for a core.
struct Sample {
    var bytes: Int
    var calls: Int
    var milliseconds: Double
    var cpuMilliseconds: Double

    static func measure(_ save: @Sendable () async throws -> Void) async throws -> Sample {
        let before = ProcessIO.now()
        let cpu = cpuNow()
        let start = ContinuousClock.now
        try await save()
        let elapsed = ContinuousClock.now - start
        let cpuAfter = cpuNow()
        let after = ProcessIO.now()
        return Sample(bytes: after.bytes - before.bytes, calls: after.calls - before.calls, milliseconds: StateWrites.ms(elapsed), cpuMilliseconds: cpuAfter - cpu)
    }

    static func cpuNow() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }
}

struct Row {
    var name: String
    var samples: [Sample]
    var files: String
    /// The checkpoints that ran beside the saves (ms), timed by the database.
    var checkpointsBeside: [Double] = []
    /// What the close wrote: the last checkpoint, of what the WAL still held.
    var closingBytes: Int?

    var meanBytes: Int { samples.map(\.bytes).reduce(0, +) / max(1, samples.count) }
    var p50: Double { percentile(samples.map(\.milliseconds), 0.50) }
    var p99: Double { percentile(samples.map(\.milliseconds), 0.99) }

    /// Nearest rank: the smallest value at or above the share `p` of the samples.
    func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
    }

    /// Saves that wrote over four times the median: those that ran SQLite's automatic
    /// checkpoint (the WAL's pages copied into the database file, and fsync), or that a
    /// checkpoint beside them wrote into.
    var checkpoints: [Sample] {
        let bytes = samples.map(\.bytes).sorted()
        let median = bytes.isEmpty ? 0 : bytes[bytes.count / 2]
        return samples.filter { $0.bytes > 4 * median }
    }

    var fields: [(String, String)] {
        let bytes = samples.map(\.bytes).sorted()
        return [
            ("side", name), ("changes", "\(samples.count)"),
            ("bytes_mean", "\(meanBytes)"), ("bytes_median", "\(bytes.isEmpty ? 0 : bytes[bytes.count / 2])"), ("bytes_max", "\(bytes.last ?? 0)"),
            ("writes_mean", String(format: "%.1f", Double(samples.map(\.calls).reduce(0, +)) / Double(max(1, samples.count)))),
            ("ms_p50", String(format: "%.2f", p50)), ("ms_p99", String(format: "%.2f", p99)),
            ("ms_max", String(format: "%.2f", samples.map(\.milliseconds).max() ?? 0)),
            ("cpu_ms_p50", String(format: "%.2f", percentile(samples.map(\.cpuMilliseconds), 0.50))),
            ("cpu_ms_p99", String(format: "%.2f", percentile(samples.map(\.cpuMilliseconds), 0.99))),
            ("checkpoints", "\(checkpoints.count)"),
            ("ms_checkpoints", checkpoints.map { String(format: "%.1f", $0.milliseconds) }.joined(separator: ",")),
            ("ms_checkpoints_beside", checkpointsBeside.map { String(format: "%.1f", $0) }.joined(separator: ",")),
            ("bytes_with_checkpoints", closingBytes.map { "\((samples.map(\.bytes).reduce(0, +) + $0) / max(1, samples.count))" } ?? ""),
            ("files", files),
        ]
    }

    var tsv: String { fields.map { "\($0)=\($1)" }.joined(separator: "\t") }
    var text: String { fields.map { "\($0) \($1)" }.joined(separator: "  ") }
}
