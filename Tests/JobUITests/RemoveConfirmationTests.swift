import Foundation
import JobModel
import Testing
@testable import JobUI

/// `d` asks first: a stray `d` (typed, or in text pasted without bracketed paste) must not
/// drop a batch from the watch and the state file.
struct RemoveConfirmationTests {
    let snapshot = Fixtures.snapshot()

    @Test func dAsksAndOnlyYRemoves() {
        var (state, actions) = Fixtures.press([.character("d")], Fixtures.state(), snapshot)
        #expect(actions.isEmpty)
        #expect(state.mode == .confirmingRemove(Fixtures.failedBatch.key))
        let footer = Fixtures.render(snapshot, state).lines[23]
        #expect(footer.hasPrefix("remove create servers \(Fixtures.failedBatchID) (2 sub-jobs)? y/n"), "\(footer)")

        (state, actions) = Fixtures.press([.character("y")], state, snapshot)
        #expect(actions == [.removeJob(Fixtures.failedBatch.key)])
        #expect(state.mode == .normal)
        #expect(state.notes.map(\.jobID) == [Fixtures.failedBatchID])
        // Said once the engine has let go of it.
        #expect(state.notice == nil)
        (state, actions) = Fixtures.send([.removed(Fixtures.failedBatch.key)], state, snapshot)
        #expect(actions.isEmpty)
        #expect(state.notice == "removed \(Fixtures.failedBatchID) from the watch")
    }

    @Test(arguments: [Key.character("n"), .character("d"), .character("2"), .escape, .enter, .down])
    func anyOtherKeyKeepsTheJob(_ key: Key) {
        let (state, actions) = Fixtures.press([.character("d"), key], Fixtures.state(), snapshot)
        #expect(actions.isEmpty)
        #expect(state.mode == .normal)
        #expect(state.notice == "kept \(Fixtures.failedBatchID)")
    }

    @Test func aResizeKeepsAsking() {
        let (state, actions) = Fixtures.send([.key(.character("d")), .resize(ScreenSize(width: 100, height: 30))], Fixtures.state(), snapshot)
        #expect(actions.isEmpty)
        #expect(state.mode == .confirmingRemove(Fixtures.failedBatch.key))
    }

    @Test func theRemovalIsAnEventLogLine() {
        var state = Fixtures.state()
        state.notes = [EventNote.removed(Fixtures.failedBatch.key, from: snapshot, at: Fixtures.now)]
        state.mode = .eventLog(offset: 0)
        let events = [
            Transition(at: Fixtures.now.addingTimeInterval(-60), key: Fixtures.failedBatch.key, profile: "prod", jobType: "baremetalBatchCreate", from: .running, to: .fail),
            Transition(at: Fixtures.now.addingTimeInterval(60), key: Fixtures.single.key, profile: "prod", jobType: "baremetalSingleOperate", from: .running, to: .success),
        ]
        let lines = Fixtures.render(snapshot, state, events: events).lines
        #expect(lines[3].hasPrefix("Events, newest first: 3"), "\(lines)")
        #expect(lines[4].contains("power server"), "\(lines)")
        #expect(lines[5] == "04:09:34  create servers 2c9e…2b4f  removed from the watch (d)", "\(lines)")
        #expect(lines[6].contains("FAIL"), "\(lines)")
    }
}
