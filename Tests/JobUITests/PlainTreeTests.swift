import Foundation
import Testing
import JobModel
@testable import JobUI

/// `jobwatch get`'s tree of a nested batch: each level keeps its `│` while a sibling of that
/// level is still to come.
struct PlainTreeTests {
    private func nested(_ tree: [(String, Int)]) -> JobState {
        let subs = tree.map { id, depth in
            var sub = Fixtures.sub(id, .success, end: 40)
            sub.nesting = depth > 0 ? depth : nil
            return sub
        }
        var state = Fixtures.failedBatch
        state.job?.entities.subJobs = subs
        return state
    }

    private func branches(_ state: JobState, unicode: Bool = true) -> [String] {
        PlainTree.lines(for: state, now: Fixtures.now, timeZone: TimeZone(identifier: "UTC")!, unicode: unicode)
            .dropFirst().compactMap { line in
                guard let id = ["sub-a1", "sub-a2", "sub-a", "sub-b1", "sub-b"].first(where: { line.contains("  \($0)  ") }) else { return nil }
                // What comes before the status symbol, and whose line it is.
                let lead = line.prefix { $0 != "✔" && $0 != "+" }
                return lead + id
            }
    }

    @Test func nestedBranchesKeepTheirBars() {
        let state = nested([("sub-a", 0), ("sub-a1", 1), ("sub-a2", 1), ("sub-b", 0), ("sub-b1", 1)])
        #expect(branches(state) == [
            "  ├─ sub-a",
            "  │  ├─ sub-a1",
            "  │  └─ sub-a2",
            "  └─ sub-b",
            "     └─ sub-b1",
        ])
        #expect(branches(state, unicode: false) == [
            "  |- sub-a",
            "  |  |- sub-a1",
            "  |  `- sub-a2",
            "  `- sub-b",
            "     `- sub-b1",
        ])
    }

    @Test func aFlatBatchIsUnchanged() {
        let state = nested([("sub-a", 0), ("sub-b", 0)])
        #expect(branches(state) == ["  ├─ sub-a", "  └─ sub-b"])
    }

    @Test func isLastSiblingLooksOnlyWithinItsParent() {
        let depths = [0, 1, 1, 0, 1, 2, 1]
        #expect((0..<depths.count).map { PlainTree.isLastSibling(at: $0, depths: depths) } == [false, false, true, true, false, true, true])
    }

    @Test("the time after a status says what the job is doing: took, running, waiting", arguments: [
        (JobStatus.success, "took"), (.fail, "took"), (.running, "running"), (.initial, "waiting"),
        (.pendingPayment, "awaiting payment"), (.other("ROLLBACKING"), "running"),
    ])
    func timingVerb(_ status: JobStatus, _ verb: String) {
        let begin = Fixtures.now.addingTimeInterval(-70)
        let job = Job(id: "j", type: "InstallNode", status: status, beginTime: begin, endTime: status.isTerminal ? Fixtures.now : nil)
        let text = PlainTree.timing(job, now: Fixtures.now, timeZone: TimeZone(identifier: "UTC")!, arrow: "→")
        #expect(text.hasSuffix("  \(verb) 1m10s"), "\(text)")
    }
}
