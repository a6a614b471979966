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

    @Test("INIT and due jobs are never slowed by patience; still ones are, up to a cap")
    func patience() {
        #expect(policy.factor(status: .initial, phase: .early, unchanged: 50) == 0.5)
        #expect(policy.factor(status: .running, phase: .due, unchanged: 50) <= 1)
        let early = (0..<12).map { policy.factor(status: .running, phase: .early, unchanged: $0) }
        #expect(early == early.sorted(), "the same answer again is asked for less often")
        #expect(early.last == 6.0, "\(early)")
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
