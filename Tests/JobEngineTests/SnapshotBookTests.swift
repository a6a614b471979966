import Foundation
import Synchronization
import JobModel
import JobAPI
import JobEngine
import JobSimulator
import Testing

/// Snapshots are kept one job at a time and sent at most every `PublishPacing.spacing`: what
/// they say must be what a count of every job says.
@Suite("Snapshots kept job by job, against the simulator on virtual time")
struct SnapshotBookTests {
    /// What the snapshot's totals would be, counted from its jobs.
    static func recount(_ snapshot: Snapshot) -> (jobs: StatusCounts, subJobs: StatusCounts) {
        var jobs = StatusCounts()
        var subJobs = StatusCounts()
        for state in snapshot.jobs {
            jobs.add(state.status)
            if let job = state.job, !job.subJobs.isEmpty {
                for sub in job.subJobs { subJobs.add(sub.status) }
            } else {
                subJobs.add(state.status)
            }
        }
        return (jobs, subJobs)
    }

    @Test("counts, flags and indices equal a count of every job, all through a rollout")
    func totalsMatchARecount() async throws {
        var settings = EngineSettings.testing
        settings.requestsPerMinute = 120
        let h = try await EngineHarness.make(scenario: .rollout, settings: settings)
        try await h.watch(h.simulator.topLevelJobIDs)
        var checked = 0
        for _ in 0..<30 {
            await h.advance(by: .seconds(40), step: .seconds(2))
            let snapshot = await h.snapshot()
            let counted = Self.recount(snapshot)
            #expect(snapshot.jobCounts == counted.jobs)
            #expect(snapshot.subJobCounts == counted.subJobs)
            #expect(snapshot.digest == JobsDigest(snapshot.jobs))
            #expect(snapshot.jobs.map(\.failedSubJobs) == snapshot.jobs.map { $0.job?.subJobs.count { $0.status == .fail } ?? 0 })
            checked += 1
        }
        let last = await h.snapshot()
        #expect(checked == 30)
        #expect(last.jobCounts.finished > 0 && last.jobCounts.fail > 0, "the rollout got far enough to count: \(last.jobCounts)")
        // A job removed leaves the totals with it.
        let gone = try #require(last.jobs.first)
        await h.engine.remove(gone.key)
        let after = await h.snapshot()
        #expect(after.jobs.count == last.jobs.count - 1)
        #expect(after.jobCounts == Self.recount(after).jobs)
        #expect(after.digest == JobsDigest(after.jobs))
        #expect(after.index(of: gone.key) == nil)
        await h.shutdown()
    }

    @Test("a burst of answers is one snapshot per 200 ms of the clock; the last one has them all")
    func snapshotsAreSpaced() async throws {
        let h = try await EngineHarness.make(scenario: .rollout)
        let stream = await h.engine.snapshots()
        let seen = Mutex<[Snapshot]>([])
        let reader = Task {
            for await snapshot in stream { seen.withLock { $0.append(snapshot) } }
        }
        try await h.watch(h.simulator.topLevelJobIDs)
        await h.advance(by: .seconds(60), step: .milliseconds(50))
        let current = await h.snapshot()
        await h.shutdown()
        await reader.value
        let snapshots = seen.withLock { $0 }
        let times = snapshots.map(\.takenAt)
        #expect(snapshots.count >= 3, "\(snapshots.count) snapshots")
        // The first (at subscription) and the last (at the end) go at once; the others are spaced
        // (to within a Date's precision so far from 1970).
        let spaced = zip(times.dropFirst().dropLast(), times.dropFirst(2).dropLast()).allSatisfy { $1.timeIntervalSince($0) >= 0.2 - 1e-6 }
        #expect(spaced, "\(times.map { $0.timeIntervalSince(EngineHarness.start) })")
        let final = try #require(snapshots.last)
        #expect(final.jobs.map(\.readAt) == current.jobs.map(\.readAt))
        #expect(final.jobs.map(\.status) == current.jobs.map(\.status))
    }
}
