import Testing
import JobModel
@testable import JobEngine

@Suite("Poll pacing")
struct PollPaceTests {
    @Test("phases from elapsed ÷ typical")
    func phases() {
        #expect(PollPace.phase(of: []) == .unknown)
        #expect(PollPace.phase(of: [0.1, 0.3]) == .early)
        #expect(PollPace.phase(of: [0.1, 0.8]) == .due)
        #expect(PollPace.phase(of: [0.5]) == .midway)
        #expect(PollPace.phase(of: [2.5, 3]) == .overdue(2.5))
        #expect(PollPace.phase(of: [0.1], starting: true) == .due)
    }

    @Test("INIT and due jobs are never slowed by patience; still ones are, up to a cap")
    func patience() {
        #expect(PollPace.factor(status: .initial, phase: .early, unchanged: 50) == 0.5)
        let due = PollPace.factor(status: .running, phase: .due, unchanged: 50)
        #expect(due <= 1)
        let early = (0..<12).map { PollPace.factor(status: .running, phase: .early, unchanged: $0) }
        #expect(early == early.sorted(), "the same answer again is asked for less often")
        #expect(early.last.map { $0 == 2 * 3 } == true, "\(early)")
        let undocumented = PollPace.factor(status: .other("ROLLBACKING"), phase: .unknown, unchanged: 20)
        #expect(undocumented == 30)
        #expect(PollPace.factor(status: .running, phase: .overdue(3), unchanged: 0) == 3)
    }
}
