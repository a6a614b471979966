import Foundation
import JobModel
import Testing
@testable import JobUI

/// A watch of thousands of jobs: what a snapshot hands the dashboard is read for what is on
/// screen, not job by job.
struct ManyJobsTests {
    /// `count` finished single jobs, every 100th failed, each read at its own second of the
    /// hour before the last minute (so their ages turn over all through the minute).
    static func finished(_ count: Int) -> Snapshot {
        let jobs = (0..<count).map { index in
            let id = String(format: "%032x", index + 1)
            let failed = index % 100 == 7
            let job = Job(id: id, type: "baremetalSingleOperate", status: failed ? .fail : .success,
                          beginTime: Fixtures.t0, endTime: Fixtures.t0.addingTimeInterval(60),
                          failReason: failed ? "power on failed" : nil,
                          entities: JobEntities(attributes: [EntityAttribute(key: "server_id", value: "server-\(index)")]))
            return JobState(entry: WatchEntry(profile: "prod", jobID: id), key: Fixtures.key(id), job: job,
                            readAt: Fixtures.now.addingTimeInterval(-61 - Double(index % 3600)), health: .fresh)
        }
        return Snapshot(takenAt: Fixtures.now, jobs: jobs, lastPollAt: Fixtures.now.addingTimeInterval(-3600))
    }

    @Test func foldedJobsSideBySideAreOneRunAndFailedOnesUnfold() {
        let snapshot = Self.finished(10_000)
        let tree = VisibleTree(snapshot, Fixtures.state(width: 200, height: 60))
        let failed = (0..<10_000).filter { $0 % 100 == 7 }
        // Each failed job shows its one entity: a run, the failed job, its entity, a run…
        #expect(tree.count == 10_000 + failed.count)
        #expect(tree.segments.count == 2 * failed.count + 1)
        #expect(snapshot.digest.failing == failed)
        // Rows and nodes agree both ways, around an unfolded job and inside the runs.
        for row in [0, 6, 7, 8, 9, 106, 107, 108, tree.count - 1] {
            let node = tree.node(at: row)
            #expect(tree.row(of: node) == row, "row \(row): \(node)")
        }
        #expect(tree.node(at: 8) == NodeRef(job: 7, subJob: nil, entity: 0))
        #expect(tree.node(at: 9) == NodeRef(job: 8))
    }

    @Test func aStillWatchWaitsForTheAgesOnScreenOnly() throws {
        // 5,000 ages turn over at every second of the minute; on screen are the header's poll
        // age and the selected job's data age.
        let snapshot = Self.finished(5_000)
        var model = Fixtures.model(Fixtures.state(width: 200, height: 60), snapshot)
        model.now = Fixtures.now.addingTimeInterval(0.5)
        let wait = try #require(Dashboard.stillFor(model))
        #expect(wait > .seconds(1), "\(wait)")
        let seconds = Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18
        let before = Dashboard.view(model).lines
        let justBefore = Dashboard.update(model, .tick(model.now.addingTimeInterval(seconds - 0.01))).0
        #expect(Dashboard.view(justBefore).lines == before, "still the same frame just before")
        let then = Dashboard.update(model, .tick(model.now.addingTimeInterval(seconds))).0
        #expect(Dashboard.view(then).lines != before, "changed when it said")
    }

    @Test func theDigestFollowsTheJobs() {
        var snapshot = Self.finished(300)
        #expect(snapshot.isAllDone)
        #expect(snapshot.digest.settled == 300)
        snapshot.jobs[5].health = .notFound
        snapshot.jobs[6].job?.status = .running
        #expect(!snapshot.isAllDone)
        #expect(snapshot.digest == JobsDigest(snapshot.jobs))
        #expect(snapshot.digest.troubled == [5])
        #expect(snapshot.index(of: snapshot.jobs[250].key) == 250)
    }
}
