import Foundation
import JobModel
@testable import JobUI
import Testing

/// The lines of `wait` and the non-TTY stream: whole IDs, double spaces between fields (scripts
/// split on them), each problem said once.
struct StreamTextTests {
    @Test func aTransitionLineHasTheWholeIDsTheLabelAndTheReason() {
        let key = Fixtures.key(Fixtures.failedBatchID)
        let sub = Transition(at: Fixtures.t0, key: key, profile: "prod", subJobID: "2c9eb2c5544cbf6101544f0635672b61", jobType: "createServer",
                             from: .running, to: .fail, reason: "Quota exceeded", label: "web", resourceName: "web-03")
        #expect(TransitionText.line(sub, unicode: true)
            == "2019-04-25T20:04:34Z  createServer 2c9eb2c5544cbf6101544f0635672b61 (in 2c9eb2c5544cbf6101544f0602af2b4f) \u{201C}web\u{201D} [web-03]  RUNNING → FAIL  Quota exceeded")
        let ecs = Transition(at: Fixtures.t0, key: JobKey(service: .ecs, endpoint: "e:443", projectID: "p", jobID: "abcd"), profile: "prod", from: nil, to: .running)
        #expect(TransitionText.line(ecs, unicode: false) == "2019-04-25T20:04:34Z  job ecs/abcd  seen -> RUNNING", "another service is written SERVICE/ID")
    }

    @Test func progressCountsJobsAndSubJobsAndSaysWhenItLastPolled() {
        let line = TransitionText.progress(Fixtures.snapshot(), elapsed: 840, now: Fixtures.now, unicode: true)
        #expect(line == "… 2 running, 1 failed, 1/3 jobs finished, 3/5 sub-jobs done, 14m00s elapsed, last poll 2s ago")
    }

    @Test func eachReadProblemIsSaidOnceUntilItChanges() {
        var notices = SnapshotNotices(json: false, allDoneNotice: nil)
        let snapshot = Fixtures.snapshot()
        let first = notices.lines(for: snapshot)
        #expect(first.count == 1)
        #expect(first.first?.contains("\(Fixtures.singleID)  ERROR  ") == true, "\(first)")
        #expect(notices.lines(for: snapshot).isEmpty, "the same retry failing again is not repeated")

        var recovered = Fixtures.single
        recovered.health = .fresh
        recovered.lastError = nil
        #expect(notices.lines(for: Fixtures.snapshot([Fixtures.failedBatch, Fixtures.runningBatch, recovered])).isEmpty)
        #expect(notices.lines(for: snapshot).count == 1, "failing again after a good answer is news")
    }

    @Test func aThrottleIsOneLineAndEverythingDoneIsSaidOnce() {
        var notices = SnapshotNotices(json: false, allDoneNotice: { _ in "all done" })
        var throttled = Fixtures.snapshot([Fixtures.failedBatch])
        throttled.throttledUntil = Fixtures.now.addingTimeInterval(30)
        let lines = notices.lines(for: throttled)
        #expect(lines.filter { $0.contains("throttled (HTTP 429) until") }.count == 1)
        #expect(lines.contains("all done"))
        #expect(notices.lines(for: throttled).isEmpty, "the same throttle and the same end are not said twice")
    }

    @Test func warningsAreSaidOnceEach() {
        var notices = SnapshotNotices(json: true, allDoneNotice: nil)
        var snapshot = Fixtures.snapshot()
        snapshot.stateSaveProblem = "disk full"
        snapshot.nameNotices = ["names off for AK X"]
        #expect(notices.warnings(for: snapshot) == ["state not saved: disk full (jobwatch keeps trying every 30s)", "names off for AK X"])
        #expect(notices.warnings(for: snapshot).isEmpty)
    }
}
