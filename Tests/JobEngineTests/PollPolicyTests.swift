import Foundation
import JobModel
import Testing
@testable import JobEngine

/// The poll policy on its own: no actor, no HTTP.
@Suite("Poll policy")
struct PollPolicyTests {
    let policy = PollPolicy()

    @Test("phases from elapsed ÷ typical", arguments: [
        ([], false, PollPolicy.Phase.unknown),
        ([0.1, 0.3], false, .early),
        ([0.1, 0.8], false, .due),
        ([0.75], false, .due),
        ([1.5], false, .due),
        ([0.5], false, .midway),
        ([2.5, 3], false, .overdue(2.5, late: 150)),
        ([0.1], true, .due),
    ] as [([Double], Bool, PollPolicy.Phase)])
    func phases(_ fractions: [Double], _ starting: Bool, _ expected: PollPolicy.Phase) {
        let parts = fractions.map { PollPolicy.Part(elapsed: $0 * 100, typical: 100) }
        #expect(policy.phase(of: parts, starting: starting) == expected)
    }

    @Test("a late job is asked after a tenth of how late it is: a stuck one rarely, a slow one soon", arguments: [
        (30.0 * 60, 180.0),
        (1000, 100),
        (2.0 * 60, 20.0),
        (24.0 * 3600, 300.0),
    ] as [(TimeInterval, Double)])
    func lateJobs(_ late: TimeInterval, _ seconds: Double) {
        let phase = policy.phase(of: [PollPolicy.Part(elapsed: 120 + late, typical: 120)])
        guard case .overdue(_, let measured) = phase else {
            Issue.record("\(late) s past a 2-minute typical end is overdue, not \(phase)")
            return
        }
        #expect(measured == late)
        #expect(policy.interval(base: .seconds(10), status: .running, phase: phase, unchanged: 0) == .seconds(seconds))
    }

    @Test("due and young jobs are never slowed by patience; INIT and still ones are, up to a cap")
    func patience() {
        #expect(policy.factor(status: .initial, phase: .early, unchanged: 0) == 0.5)
        #expect(policy.factor(status: .initial, phase: .early, unchanged: 50) == 1.5, "a cluster's nodes can wait minutes in INIT")
        #expect(policy.factor(status: .running, phase: .due, unchanged: 50) <= 1)
        #expect(policy.factor(status: .running, phase: .young, unchanged: 50) == 1)
        let early = (0..<12).map { policy.factor(status: .running, phase: .early, unchanged: $0) }
        #expect(early == early.sorted(), "the same answer again is asked for less often")
        #expect(early.last == 7.5, "\(early)")
        #expect(policy.factor(status: .other("ROLLBACKING"), phase: .unknown, unchanged: 20) == 30)
        #expect(policy.factor(status: .running, phase: .overdue(3, late: 200), unchanged: 0) == 3)
    }

    @Test("a job never seen is asked again soon after a 404, then less often; a purged one rarely", arguments: [
        (false, 1, 10.0), (false, 2, 20.0), (false, 3, 40.0), (false, 4, 60.0), (false, 40, 60.0),
        (true, 1, 300.0), (true, 9, 300.0),
    ] as [(Bool, Int, Double)])
    func notFoundDelays(_ seenBefore: Bool, _ answers: Int, _ seconds: Double) {
        #expect(policy.notFoundDelay(seenBefore: seenBefore, notFoundAnswers: answers, base: .seconds(10)) == .seconds(seconds))
    }

    @Test("no interval exceeds the longest, however patient")
    func intervalCap() {
        let interval = policy.interval(base: .seconds(10), status: .other("ROLLBACKING"), phase: .unknown, unchanged: 50)
        #expect(interval == .seconds(300))
        #expect(policy.interval(base: .seconds(400), status: .running, phase: .early, unchanged: 0) == .seconds(400), "a budget's spacing is never cut to the cap")
    }

    @Test("urgency: never read, then INIT and due, then running, then the rest", arguments: [
        (nil, PollPolicy.Phase.unknown, 0),
        (.initial, .early, 1),
        (.running, .due, 1),
        (.running, .early, 2),
        (.pendingPayment, .unknown, 3),
    ] as [(JobStatus?, PollPolicy.Phase, Int)])
    func urgency(_ status: JobStatus?, _ phase: PollPolicy.Phase, _ expected: Int) {
        #expect(policy.urgency(status: status, phase: phase) == expected)
    }

    @Test("slow past slow_factor × typical")
    func slowness() {
        #expect(!policy.isSlow(elapsed: 200, typical: 100))
        #expect(policy.isSlow(elapsed: 201, typical: 100))
        var strict = policy
        strict.slowFactor = 1.5
        #expect(strict.isSlow(elapsed: 151, typical: 100))
    }

    @Test("what each failure does", arguments: [
        (APIError(kind: .http, httpStatus: 429, message: "x", retryAfter: 99_999_999), PollPolicy.Reaction.throttle(retryAfter: .seconds(300))),
        (APIError(kind: .http, httpStatus: 429, message: "x"), .throttle(retryAfter: nil)),
        (APIError(kind: .http, httpStatus: 401, message: "x"), .stopCredential),
        (APIError(kind: .http, httpStatus: 403, message: "x"), .stopCredential),
        (APIError(kind: .http, httpStatus: 404, message: "x"), .notFound),
        (APIError(kind: .http, httpStatus: 503, message: "x"), .backoff),
        (APIError(kind: .timeout, message: "x"), .backoff),
        (APIError(kind: .invalidResponse, message: "x"), .backoff),
        (APIError(kind: .http, httpStatus: 400, message: "x"), .permanent),
    ])
    func reactions(_ error: APIError, _ expected: PollPolicy.Reaction) {
        #expect(policy.reaction(to: error) == expected)
    }
}

/// The rules that decide when a job is asked again, each as a table.
@Suite("Poll policy: modes and what the engine knows")
struct PollPolicyRuleTests {
    let policy = PollPolicy()

    @Test("each mode's factor on the base interval (unchanged answers: 0)", arguments: [
        (PollPolicy.Mode.frugal, JobStatus.initial, PollPolicy.Phase.unknown, 0.5),
        (.frugal, .running, .due, 1), (.frugal, .running, .young, 1.5), (.frugal, .running, .early, 3),
        (.frugal, .running, .midway, 2), (.frugal, .pendingPayment, .unknown, 6),
        (.balanced, .initial, .unknown, 0.5),
        (.balanced, .running, .due, 0.8), (.balanced, .running, .young, 1), (.balanced, .running, .early, 2.5),
        (.balanced, .running, .midway, 2), (.balanced, .pendingPayment, .unknown, 3),
        (.balanced, .running, .overdue(1.8, late: 80), 1.8),
        (.balanced, .running, .overdue(2.5, late: 150), 2.5),
        (.prompt, .initial, .unknown, 0.5),
        (.prompt, .running, .due, 0.8), (.prompt, .running, .young, 1), (.prompt, .running, .early, 1),
        (.prompt, .running, .midway, 1), (.prompt, .pendingPayment, .unknown, 1),
        (.prompt, .running, .overdue(2.5, late: 150), 0.8),
    ] as [(PollPolicy.Mode, JobStatus, PollPolicy.Phase, Double)])
    func modeFactors(_ mode: PollPolicy.Mode, _ status: JobStatus, _ phase: PollPolicy.Phase, _ expected: Double) {
        #expect(PollPolicy(mode: mode).factor(status: status, phase: phase, unchanged: 0) == expected)
    }

    @Test("frugal never asks sooner than balanced, balanced never sooner than prompt")
    func modesAreOrdered() {
        let phases: [PollPolicy.Phase] = [.unknown, .early, .due, .young, .midway, .overdue(1.6, late: 60), .overdue(4, late: 300)]
        let statuses: [JobStatus] = [.initial, .running, .pendingPayment, .other("ROLLBACKING")]
        let frugal = PollPolicy(mode: .frugal), balanced = PollPolicy(mode: .balanced), prompt = PollPolicy(mode: .prompt)
        for phase in phases {
            for status in statuses {
                for unchanged in [0, 3, 8] {
                    let f = frugal.interval(base: .seconds(10), status: status, phase: phase, unchanged: unchanged)
                    let b = balanced.interval(base: .seconds(10), status: status, phase: phase, unchanged: unchanged)
                    let p = prompt.interval(base: .seconds(10), status: status, phase: phase, unchanged: unchanged)
                    #expect(f >= b && b >= p, "\(status) \(phase) after \(unchanged) unchanged: \(f) \(b) \(p)")
                }
            }
        }
    }

    @Test("only a batch's sub-jobs are young: its first minutes, or minutes after a part was seen to start", arguments: [
        ([10.0], false, nil, PollPolicy.Phase.early),
        ([10.0], true, nil, .young),
        ([200.0], true, nil, .early),
        ([200.0], true, 30.0, .young),
        ([500.0], true, 400.0, .midway),
        ([900.0], true, 30.0, .due),
    ] as [([TimeInterval], Bool, TimeInterval?, PollPolicy.Phase)])
    func young(_ elapsed: [TimeInterval], _ ofBatch: Bool, _ sinceStart: TimeInterval?, _ expected: PollPolicy.Phase) {
        let parts = elapsed.map { PollPolicy.Part(elapsed: $0, typical: 1000) }
        #expect(policy.phase(of: parts, sinceStart: sinceStart, ofBatch: ofBatch) == expected)
    }

    @Test("a part is due where its siblings ended, and a while after: one that outruns them is likelier to fail", arguments: [
        (300.0, 400.0...600.0, false),
        (370.0, 400.0...600.0, true),
        (650.0, 400.0...600.0, true),
        (880.0, 400.0...600.0, true),
        (950.0, 400.0...600.0, false),
    ] as [(TimeInterval, ClosedRange<TimeInterval>, Bool)])
    func siblingsWindow(_ elapsed: TimeInterval, _ ended: ClosedRange<TimeInterval>, _ due: Bool) {
        let part = PollPolicy.Part(elapsed: elapsed, typical: 2000, siblingsEnded: ended)
        #expect(policy.isDue(part) == due)
    }

    @Test("an end that progress points at is due only near it", arguments: [
        (500.0, 600.0, false, true),
        (500.0, 600.0, true, false),
        (560.0, 600.0, true, true),
    ] as [(TimeInterval, TimeInterval, Bool, Bool)])
    func progressBand(_ elapsed: TimeInterval, _ typical: TimeInterval, _ fromProgress: Bool, _ due: Bool) {
        #expect(policy.isDue(PollPolicy.Part(elapsed: elapsed, typical: typical, fromProgress: fromProgress)) == due)
    }

    @Test("a sub-job expected to start is asked just after, never sooner than INIT's pace", arguments: [
        (3.0, 5.0),
        (7.0, 7.5),
        (-1.0, 5.0),
        (60.0, 25.0),
    ] as [(TimeInterval, Double)])
    func nextStart(_ nextStart: TimeInterval, _ seconds: Double) {
        let interval = policy.interval(base: .seconds(10), status: .running, phase: .early, unchanged: 0, nextStart: nextStart)
        #expect(interval == .seconds(seconds))
    }

    @Test("when the next change comes due: the nearest window still ahead of a part", arguments: [
        ([PollPolicy.Part(elapsed: 100, typical: 300)], 110.0),
        ([PollPolicy.Part(elapsed: 250, typical: 300)], nil),
        ([PollPolicy.Part(elapsed: 100, typical: 300, fromProgress: true)], 170.0),
        ([PollPolicy.Part(elapsed: 100, typical: 1000, siblingsEnded: 200...400)], 80.0),
        ([PollPolicy.Part(elapsed: 100, typical: 300), PollPolicy.Part(elapsed: 10, typical: 100)], 60.0),
        ([PollPolicy.Part(elapsed: 900, typical: 300)], nil),
    ] as [([PollPolicy.Part], TimeInterval?)])
    func dueIn(_ parts: [PollPolicy.Part], _ expected: TimeInterval?) {
        #expect(policy.dueIn(parts).map { ($0 * 1000).rounded() / 1000 } == expected)
    }

    @Test("patience never carries a poll past the start of a due window, nor sooner than due's pace", arguments: [
        (nil, 30.0),
        (12.0, 12.0),
        (2.0, 4.0),
        (500.0, 30.0),
    ] as [(TimeInterval?, Double)])
    func patienceStopsAtTheDueWindow(_ dueIn: TimeInterval?, _ seconds: Double) {
        // Midway after many unchanged answers: 2 × the patience of 3.
        let interval = policy.interval(base: .seconds(5), status: .running, phase: .midway, unchanged: 20, dueIn: dueIn)
        #expect(interval == .seconds(seconds))
    }

    @Test("a batch whose answers each move several sub-jobs is asked at the interval, not sooner", arguments: [
        (PollPolicy.Mode.balanced, 0, 0.8), (.balanced, 2, 0.8), (.balanced, 3, 1), (.balanced, 40, 1),
        (.prompt, 3, 1), (.frugal, 3, 1),
    ] as [(PollPolicy.Mode, Int, Double)])
    func changeStream(_ mode: PollPolicy.Mode, _ changing: Int, _ expected: Double) {
        #expect(PollPolicy(mode: mode).factor(status: .running, phase: .due, unchanged: 0, changing: changing) == expected)
        #expect(PollPolicy(mode: mode).factor(status: .running, phase: .young, unchanged: 0, changing: changing) == PollPolicy(mode: mode).pace.young)
    }
}

@Suite("Typical durations")
struct TypicalDurationsTests {
    func finished(_ type: String, seconds: TimeInterval, status: JobStatus = .success) -> Job {
        let begin = Date(timeIntervalSince1970: 1_800_000_000)
        return Job(id: UUID().uuidString, type: type, status: status, beginTime: begin, endTime: begin.addingTimeInterval(seconds))
    }

    @Test("the median of finished jobs of a type, else the default, else nothing")
    func medianThenDefault() {
        var typical = TypicalDurations()
        #expect(typical.typical(for: "baremetalAttachVolume") == 180, "the built-in default")
        #expect(typical.typical(for: "somethingNew") == nil)
        for seconds in [10.0, 30, 20] { typical.learn(from: finished("baremetalAttachVolume", seconds: seconds)) }
        #expect(typical.typical(for: "baremetalAttachVolume") == 20)
        typical.learn(from: finished("baremetalAttachVolume", seconds: 40))
        #expect(typical.typical(for: "baremetalAttachVolume") == 25, "an even count takes the middle two")
        typical.learn(from: finished("baremetalAttachVolume", seconds: 1000, status: .fail))
        #expect(typical.typical(for: "baremetalAttachVolume") == 25, "failures do not count")
    }

    @Test("one long run does not make a type look slower than documented; three runs may")
    func oneLongRunIsNotTrusted() {
        var typical = TypicalDurations()
        typical.learn(from: finished("baremetalReinstallOs", seconds: 3 * 3600))
        #expect(typical.typical(for: "baremetalReinstallOs") == 1200, "yesterday's stuck run alone: the documented 20 minutes")
        typical.learn(from: finished("baremetalReinstallOs", seconds: 2400))
        #expect(typical.typical(for: "baremetalReinstallOs") == 1200, "two runs: still not longer")
        typical.learn(from: finished("baremetalReinstallOs", seconds: 2500))
        #expect(typical.typical(for: "baremetalReinstallOs") == 2500, "three runs: their median, the stuck one outvoted")
        var quick = TypicalDurations()
        quick.learn(from: finished("baremetalReinstallOs", seconds: 600))
        #expect(quick.typical(for: "baremetalReinstallOs") == 600, "a shorter run is believed at once")
        var unknown = TypicalDurations()
        unknown.learn(from: finished("somethingNew", seconds: 5000))
        #expect(unknown.typical(for: "somethingNew") == 5000, "no documented figure: what was seen")
    }

    @Test("a batch's stagger: when its next sub-job should leave INIT")
    func stagger() {
        let begin = Date(timeIntervalSince1970: 1_800_000_000)
        func sub(_ offset: TimeInterval?) -> Job {
            Job(id: UUID().uuidString, type: "baremetalSingleCreate", status: offset == nil ? .initial : .running, beginTime: offset.map { begin.addingTimeInterval($0) })
        }
        let stagger = BatchStagger([sub(0), sub(7), sub(14), sub(nil)])
        #expect(stagger?.gap == 7)
        #expect(stagger?.nextStart(after: begin.addingTimeInterval(18)) == 3)
        #expect(stagger?.nextStart(after: begin.addingTimeInterval(40)) == nil, "over two gaps late: the pace has stopped")
        #expect(BatchStagger([sub(0), sub(7), sub(nil)]) == nil, "two begins say no pace")
        #expect(BatchStagger([sub(0), sub(0), sub(0), sub(nil)]) == nil, "begins all at once (the batch's own time) say no pace")
        #expect(BatchStagger([sub(0), sub(7), sub(14)]) == nil, "nothing left to start")
        #expect(Job(id: "b", status: .running, entities: JobEntities(subJobs: [sub(0), sub(nil), sub(nil)])).partsInINIT == 2)
    }

    @Test("the spread of a batch's successful runs, by type")
    func siblingRuns() {
        let begin = Date(timeIntervalSince1970: 1_800_000_000)
        func done(_ type: String, _ seconds: TimeInterval, _ status: JobStatus = .success) -> Job {
            Job(id: UUID().uuidString, type: type, status: status, beginTime: begin, endTime: begin.addingTimeInterval(seconds))
        }
        let runs = SiblingRuns([done("a", 300), done("a", 500), done("a", 100, .fail), done("b", 20)])
        #expect(runs.range(of: "a") == 300...500, "failures are not where successes end")
        #expect(runs.range(of: "b") == 20...20)
        #expect(runs.range(of: "c") == nil)
    }

    @Test("a batch's sub-jobs: finished siblings first")
    func siblingsFirst() {
        let typical = TypicalDurations()
        let begin = Date(timeIntervalSince1970: 1_800_000_000)
        let done = Job(id: "a", type: "baremetalSingleCreate", status: .success, beginTime: begin, endTime: begin.addingTimeInterval(100))
        let running = Job(id: "b", type: "baremetalSingleCreate", status: .running, beginTime: begin)
        let batch = Job(id: "batch", type: "baremetalBatchCreate", status: .running, beginTime: begin, entities: JobEntities(subJobs: [done, running]))
        #expect(typical.typicalSubJobs(in: batch)["baremetalSingleCreate"] == 100)
        let fresh = Job(id: "batch", type: "baremetalBatchCreate", status: .running, beginTime: begin, entities: JobEntities(subJobs: [running]))
        #expect(typical.typicalSubJobs(in: fresh)["baremetalSingleCreate"] == 720.0, "the sub-jobs' type default")
        #expect(Median.of([3, 1, 2]) == 2)
    }

    @Test("sub-jobs of other types are not siblings: a CCE cluster's certificates say nothing of its control plane")
    func siblingsOfTheSameType() {
        let typical = TypicalDurations()
        let begin = Date(timeIntervalSince1970: 1_800_000_000)
        let cert = Job(id: "c", type: "CreatePSMCert", status: .success, beginTime: begin, endTime: begin.addingTimeInterval(20))
        let master = Job(id: "m", type: "InstallMaster", status: .running, beginTime: begin)
        let cluster = Job(id: "k", type: "CreateCluster", status: .running, beginTime: begin, entities: JobEntities(subJobs: [cert, master]))
        let typicals = typical.typicalSubJobs(in: cluster)
        #expect(typicals["CreatePSMCert"] == 20)
        #expect(typicals["InstallMaster"] == 360, "the type's own figure, not the certificate's 20 s")
    }
}
