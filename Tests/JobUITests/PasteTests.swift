import Foundation
import JobModel
import Testing
@testable import JobUI

/// A bracketed paste arrives as one `.paste` message: it is text, never commands.
struct PasteTests {
    let snapshot = Fixtures.snapshot()
    let newID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"

    @Test func pasteOnTheTreeOpensTheAddPromptInsteadOfRunningKeys() {
        // The ID has a `d` (remove), an `a`, an `e`: none of them may run.
        let (state, actions) = Fixtures.send([.paste("  \(newID)\n")], Fixtures.state(), snapshot)
        #expect(actions.isEmpty)
        #expect(state.mode == .addingJob(text: newID, problem: nil))
        let (added, addActions) = Fixtures.press([.enter], state, snapshot)
        #expect(addActions == [.addJob(JobReference(id: newID))])
        #expect(added.mode == .normal)
    }

    @Test func severalPastedIDsAreAllAdded() {
        let second = "ff80808288d41e1b018a8ec1c6c30f2d"
        let pasted = "\(newID)\r\n\(second)\n\(Fixtures.singleID)\n"
        let (state, _) = Fixtures.send([.paste(pasted), .key(.enter)], Fixtures.state(), snapshot)
        #expect(state.mode == .normal)
        let (_, actions) = Fixtures.send([.paste(pasted), .key(.enter)], Fixtures.state(), snapshot)
        // The one already watched is skipped, and said so.
        #expect(actions == [.addJob(JobReference(id: newID)), .addJob(JobReference(id: second))])
        #expect(state.notice == "added 2 jobs (1 already watched)")
    }

    @Test func escInsidePastedTextDoesNotCancelThePrompt() {
        let (state, actions) = Fixtures.send([.key(.character("a")), .paste("0a1b\u{1B}2c3d\u{7F}\u{1B}[A"), .key(.character("x"))], Fixtures.state(), snapshot)
        #expect(actions.isEmpty)
        #expect(state.mode == .addingJob(text: "0a1b2c3d[Ax", problem: nil))
    }

    @Test func pasteInTheSearchPromptIsInsertedWhole() {
        let (state, _) = Fixtures.send([.key(.character("/")), .key(.character("q")), .paste("uota\tex\nceeded")], Fixtures.state(), snapshot)
        #expect(state.mode == .searching(text: "quota ex ceeded"))
    }

    @Test func pasteWhileAskingToRemoveCancels() {
        let (state, actions) = Fixtures.send([.key(.character("d")), .paste("y")], Fixtures.state(), snapshot)
        #expect(actions.isEmpty)
        #expect(state.mode == .normal)
        #expect(state.notice == "kept \(Fixtures.failedBatchID)")
    }

    @Test func emptyPasteOnTheTreeOnlyRings() {
        let (state, actions) = Fixtures.send([.paste(" \n\u{1B}")], Fixtures.state(), snapshot)
        #expect(actions == [.bell])
        #expect(state.mode == .normal)
    }
}
