import Foundation
import JobModel
import JobAPI
import JobEngine
import JobSimulator

/// The dashboard and the engine with `jobs` finished jobs from a state file (each read at its
/// own second of the hour before the last minute, so their ages turn over at every second of
/// the minute), nothing changing: CPU over a real-time window after a short warm-up, scaled
/// to a minute. Names off (no lookup retries), so nothing is asked at all.
struct IdleDashboard {
    var jobs: Int
    var window: Duration = .seconds(60)
    var warmUp: Duration = .seconds(5)

    struct Outcome {
        var cpuPerMinute: Double
        var frames: Int
    }

    func run(against simulator: ChildSimulator) async throws -> Outcome {
        let profile = ProfileTarget(
            name: "bench", endpoint: try Endpoint(parsing: simulator.url), projectID: DemoCredentials.projectID,
            credential: DemoCredentials.credential)
        let client = JobClient(options: ClientOptions())
        var settings = EngineSettings()
        settings.randomSeed = 7
        settings.names = false
        let now = Date()
        let engine = Engine(profiles: [profile], client: client, settings: settings, clock: .continuous, restored: Self.stateFile(jobs: jobs, now: now))
        let snapshots = await engine.snapshots()
        let transitions = await engine.transitions()
        let dashboard = HeadlessDashboard(now: now)
        let runner = Task { await engine.run() }
        let watching = Task { await dashboard.run(snapshots: snapshots, transitions: transitions) { _ in false } }

        try await Task.sleep(for: warmUp)
        let framesBefore = dashboard.frames
        let cpu0 = ProcessCPU.seconds()
        try await Task.sleep(for: window)
        let cpu = ProcessCPU.seconds() - cpu0
        let frames = dashboard.frames - framesBefore

        watching.cancel()
        runner.cancel()
        await runner.value
        await watching.value
        await client.shutdown()
        return Outcome(cpuPerMinute: cpu * 60 / window.seconds, frames: frames)
    }

    /// Finished jobs as the soak scenario makes them: one in four a batch of four servers,
    /// one in ten failed; each read at its own second of the hour before the last minute.
    static func stateFile(jobs: Int, now: Date) -> StateFile {
        let saved = (0..<jobs).map { index -> StateFile.SavedJob in
            let id = String(format: "%032llx", UInt64(index) &* 2_654_435_761 &+ 1)
            let end = now.addingTimeInterval(-Double(3661 + index % 3600))
            let begin = end.addingTimeInterval(-Double(60 + index % 840))
            let failed = index % 10 == 3
            let status: JobStatus = failed ? .fail : .success
            let job: Job
            if index % 4 == 0 {
                let subs = (0..<4).map { sub in
                    Job(id: String(format: "%032llx", UInt64(index * 8 + sub) &* 40_503 &+ 7), type: "baremetalSingleCreate",
                        status: failed && sub == 0 ? .fail : .success, beginTime: begin, endTime: end,
                        entities: JobEntities(attributes: [EntityAttribute(key: "server_id", value: UUID().uuidString.lowercased())]))
                }
                job = Job(id: id, type: "baremetalBatchCreate", status: status, beginTime: begin, endTime: end,
                          entities: JobEntities(subJobsTotal: subs.count, subJobs: subs))
            } else {
                job = Job(id: id, type: "baremetalAttachVolume", status: status, beginTime: begin, endTime: end,
                          failReason: failed ? "attach volume failed" : nil,
                          entities: JobEntities(attributes: [EntityAttribute(key: "server_id", value: UUID().uuidString.lowercased())]))
            }
            return StateFile.SavedJob(profile: "bench", key: nil, jobID: id, label: nil, job: job,
                                      readAt: now.addingTimeInterval(-61 - Double(index % 3600)))
        }
        return StateFile(savedAt: now, jobs: saved, events: [])
    }
}
