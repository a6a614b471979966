import Foundation
import JobModel
import JobAPI
import JobEngine
import JobSimulator

/// Reads `jobs` new jobs once, on real time: the engine (names looked up, as the dashboard
/// does) polls the child simulator and a headless dashboard takes in every snapshot and
/// transition, until a snapshot it took in has every job read. The interval is an hour, so
/// no job is asked twice in the run: what is measured is one answer per job.
struct FirstRead {
    var jobs: Int
    /// Requests per minute; `nil`: more than any run sends, so only CPU paces the read.
    var budget: Double?
    /// Keep the state database (what changed, written about a second later; a lease round
    /// every two seconds), as the dashboard does by default.
    var saving = false

    struct Outcome {
        var cpu: Double
        var wall: Double
        var frames: Int
        var snapshots: Int
        var perJobMicroseconds: Double { cpu / Double(max(1, jobsRead)) * 1e6 }
        var jobsRead: Int
    }

    func run(against simulator: ChildSimulator) async throws -> Outcome {
        let profile = ProfileTarget(
            name: "bench", endpoint: try Endpoint(parsing: simulator.url), projectID: DemoCredentials.projectID,
            credential: DemoCredentials.credential)
        var clientOptions = ClientOptions()
        clientOptions.requestTimeout = .seconds(30)
        let client = JobClient(options: clientOptions)
        var settings = EngineSettings()
        settings.randomSeed = 7
        settings.interval = .seconds(3600)
        settings.requestsPerMinute = budget ?? 100_000_000
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("answercost-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = saving ? StateDatabase(path: folder.appendingPathComponent("state.db").path) : nil
        let engine = Engine(
            profiles: [profile], client: client, lookups: ResourceLookupClient(client: client), settings: settings, clock: .continuous, state: state)
        // Fresh IDs each run, so the simulator has never seen them (each starts in INIT).
        let salt = UInt64.random(in: 0...UInt64(UInt32.max))
        let entries = (0..<jobs).map { index in
            WatchEntry(profile: "bench", jobID: String(format: "%08llx%024llx", salt, UInt64(index)))
        }
        let snapshots = await engine.snapshots()
        let transitions = await engine.transitions()
        let dashboard = HeadlessDashboard(now: Date())
        let total = jobs

        let cpu0 = ProcessCPU.seconds()
        let start = ContinuousClock.now
        let runner = Task { await engine.run() }
        try await engine.add(entries)
        await dashboard.run(snapshots: snapshots, transitions: transitions) { snapshot in
            // Never-read jobs count as "other": the soak scenario's jobs have no other status.
            snapshot.jobCounts.total == total && snapshot.jobCounts.other == 0
        }
        let wall = (ContinuousClock.now - start).seconds
        let cpu = ProcessCPU.seconds() - cpu0

        runner.cancel()
        await runner.value
        await client.shutdown()
        return Outcome(cpu: cpu, wall: wall, frames: dashboard.frames, snapshots: dashboard.snapshotsTaken, jobsRead: total)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
