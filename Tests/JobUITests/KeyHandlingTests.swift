import Foundation
import JobModel
import Testing
@testable import JobUI

struct KeyHandlingTests {
    let snapshot = Fixtures.snapshot()

    private func selectedLabel(_ state: ViewState) -> NodeID? { state.selection }

    @Test func arrowsAndVimKeysMoveBySelectionIdentity() {
        let (state, actions) = Fixtures.press([.down, .character("j"), .character("j")], Fixtures.state(), snapshot)
        #expect(actions.isEmpty)
        #expect(state.selection == .job(Fixtures.runningBatch.key))
        let (up, _) = Fixtures.press([.character("k")], state, snapshot)
        #expect(up.selection == .subJob(Fixtures.failedBatch.key, "2c9eb2c5544cbf6101544f0635672b61"))
        let (last, _) = Fixtures.press([.character("G")], state, snapshot)
        #expect(last.selection == .job(Fixtures.single.key))
        let (first, _) = Fixtures.press([.character("g")], last, snapshot)
        #expect(first.selection == .job(Fixtures.failedBatch.key))
        // Past the ends: clamped.
        let (top, _) = Fixtures.press([.up, .up], first, snapshot)
        #expect(top.selection == .job(Fixtures.failedBatch.key))
        let (bottom, _) = Fixtures.press([.pageDown, .pageDown], first, snapshot)
        #expect(bottom.selection == .job(Fixtures.single.key))
        let (back, _) = Fixtures.press([.pageUp], bottom, snapshot)
        #expect(back.selection == .job(Fixtures.failedBatch.key))
    }

    @Test func foldingWithArrowsAndEnter() {
        // Select the running batch (folded by default) and unfold it.
        var (state, _) = Fixtures.press([.character("G"), .up], Fixtures.state(), snapshot)
        #expect(state.selection == .job(Fixtures.runningBatch.key))
        (state, _) = Fixtures.press([.right], state, snapshot)
        (state, _) = Fixtures.press([.down], state, snapshot)
        #expect(state.selection == .subJob(Fixtures.runningBatch.key, "4d1e0000aaaabbbbccccddddeeee1001"))
        // Left on a leaf goes to the parent; left again folds it.
        (state, _) = Fixtures.press([.left], state, snapshot)
        #expect(state.selection == .job(Fixtures.runningBatch.key))
        (state, _) = Fixtures.press([.character("h"), .down], state, snapshot)
        #expect(state.selection == .job(Fixtures.single.key))
        // Enter toggles: fold the failed batch (unfolded by default).
        (state, _) = Fixtures.press([.character("g"), .enter, .down], state, snapshot)
        #expect(state.selection == .job(Fixtures.runningBatch.key))
        (state, _) = Fixtures.press([.up, .character("l"), .down], state, snapshot)
        #expect(state.selection == .subJob(Fixtures.failedBatch.key, "2c9eb2c5544cbf6101544f0635672b60"))
    }

    @Test func filterCyclesAllFailedRunningSlow() {
        var state = Fixtures.state()
        var seen: [Filter] = []
        for _ in 0..<4 {
            (state, _) = Fixtures.press([.character("f")], state, snapshot)
            seen.append(state.filter)
        }
        #expect(seen == [.failed, .running, .slow, .all])
        #expect(state.notice == "filter: all")
    }

    @Test func searchPromptFindsSubJobsByReasonAndUnfoldsParents() {
        var (state, actions) = Fixtures.press([.character("/")] + Fixtures.keys("rack"), Fixtures.state(), snapshot)
        #expect(state.mode == .searching(text: "rack"))
        let prompt = Fixtures.render(snapshot, state)
        #expect(prompt.lines[23].hasPrefix("/rack"))
        #expect(prompt.cursor?.row == 23 && prompt.cursor?.column == 5)
        (state, actions) = Fixtures.press([.enter], state, snapshot)
        #expect(actions.isEmpty)
        #expect(state.mode == .normal)
        #expect(state.selection == .job(Fixtures.runningBatch.key))

        // A server ID inside a folded sub-job: its batch and sub-job unfold.
        (state, actions) = Fixtures.press([.character("/")] + Fixtures.keys("BAE51750") + [.enter], Fixtures.state(), snapshot)
        #expect(state.selection == .entity(Fixtures.failedBatch.key, subJob: "2c9eb2c5544cbf6101544f0635672b60", key: "server_id"))
        let frame = Fixtures.render(snapshot, state)
        #expect(frame.lines.contains("        server_id: bae51750-0089-41a1-9b18-5c777978ff6d"))

        // n goes to the next match, wrapping round; Esc cancels a prompt and keeps the old search.
        (state, _) = Fixtures.press([.character("/")] + Fixtures.keys("create server") + [.enter], Fixtures.state(), snapshot)
        let firstMatch = state.selection
        (state, _) = Fixtures.press([.character("n")], state, snapshot)
        #expect(state.selection != firstMatch)
        (state, _) = Fixtures.press([.character("/"), .character("x"), .escape], state, snapshot)
        #expect(state.search == "create server")
        #expect(state.mode == .normal)

        (state, actions) = Fixtures.press([.character("/")] + Fixtures.keys("nowhere") + [.enter], Fixtures.state(), snapshot)
        #expect(actions == [.bell])
        #expect(state.notice == "no match for \"nowhere\"")
    }

    @Test func addJobPromptValidatesTheID() {
        // Spaces separate IDs (a pasted list arrives so), so what is refused is the rest.
        var (state, actions) = Fixtures.press([.character("a")] + Fixtures.keys("bad\u{200B}id") + [.enter], Fixtures.state(), snapshot)
        #expect(actions == [.bell])
        #expect(state.mode == .addingJob(text: "bad\u{200B}id", problem: "job ID contains control characters"))
        let frame = Fixtures.render(snapshot, state)
        #expect(frame.lines[23] == "add job ID: badid  job ID contains control characters")

        (state, actions) = Fixtures.press([.ctrl("u")] + Fixtures.keys(Fixtures.singleID) + [.enter], state, snapshot)
        #expect(state.mode == .addingJob(text: Fixtures.singleID, problem: "already watched"))

        (state, actions) = Fixtures.press([.ctrl("u")] + Fixtures.keys(" 0123abcd ") + [.enter], state, snapshot)
        #expect(actions == [.addJob(JobReference(id: "0123abcd"))])
        #expect(state.mode == .normal)

        (state, actions) = Fixtures.press([.character("a"), .character("x"), .backspace, .enter], Fixtures.state(), snapshot)
        #expect(state.mode == .addingJob(text: "", problem: "job ID is empty"))
        (state, actions) = Fixtures.press([.escape], state, snapshot)
        #expect(state.mode == .normal && actions.isEmpty)
    }

    @Test func commandsOnTheSelectedJob() {
        let (onSub, _) = Fixtures.press([.down], Fixtures.state(), snapshot)
        #expect(Fixtures.press([.character("y")], onSub, snapshot).1 == [.copy("2c9eb2c5544cbf6101544f0635672b60")])
        #expect(Fixtures.press([.character("r")], onSub, snapshot).1 == [.refresh(Fixtures.failedBatch.key)])
        #expect(Fixtures.press([.character("d"), .character("y")], onSub, snapshot).1 == [.removeJob(Fixtures.failedBatch.key)])
        #expect(Fixtures.press([.character("R")], onSub, snapshot).1 == [.refreshAll])
        #expect(Fixtures.press([.ctrl("l")], onSub, snapshot).1 == [.redraw])
        let (utc, _) = Fixtures.press([.character("t")], onSub, snapshot)
        #expect(utc.utc)
        let empty = Snapshot(takenAt: Fixtures.now)
        #expect(Fixtures.press([.character("y")], Fixtures.state(), empty).1 == [.bell])
    }

    @Test func quitAsksWhileJobsRun() {
        var (state, actions) = Fixtures.press([.character("q")], Fixtures.state(), snapshot)
        #expect(actions.isEmpty)
        #expect(state.mode == .confirmingQuit)
        #expect(Fixtures.render(snapshot, state).lines[23] == "jobs still running — quit? y/n")
        (state, actions) = Fixtures.press([.character("n")], state, snapshot)
        #expect(state.mode == .normal && actions.isEmpty)
        (state, actions) = Fixtures.press([.character("q"), .character("y")], state, snapshot)
        #expect(actions == [.quit])

        let done = Fixtures.snapshot([Fixtures.failedBatch])
        #expect(done.isAllDone)
        #expect(Fixtures.press([.character("q")], Fixtures.state(), done).1 == [.quit])
    }

    @Test func pauseFreezesTheSnapshotAndShowsAMarker() {
        var (state, _) = Fixtures.press([.character("p")], Fixtures.state(), snapshot)
        #expect(state.isPaused)
        // The engine moves on: the single job succeeds. The paused screen still shows RUNNING.
        var single = Fixtures.single
        single.job!.status = .success
        let newer = Fixtures.snapshot([Fixtures.failedBatch, Fixtures.runningBatch, single])
        var frame = Fixtures.render(newer, state)
        #expect(frame.lines[0].hasPrefix(" PAUSED  jobwatch prod"))
        #expect(frame.rows[0].cells.first?.style.reverse == true)
        #expect(frame.title.hasSuffix("(paused)"))
        #expect(frame.lines.contains { $0.hasPrefix("▸ ▶~power server") })
        // Quitting looks at the latest snapshot, not the frozen one.
        (state, _) = Fixtures.press([.character("p")], state, newer)
        #expect(!state.isPaused)
        frame = Fixtures.render(newer, state)
        #expect(frame.lines.contains { $0.hasPrefix("▸ ✔~power server") })
    }

    @Test func eventLogNewestFirstAndScrolls() {
        let key = Fixtures.failedBatch.key
        var events: [Transition] = []
        for i in 0..<30 {
            let failed = i % 2 == 1
            let to: JobStatus = failed ? .fail : .success
            let reason: String? = failed ? "quota \(i)" : nil
            events.append(Transition(
                at: Fixtures.t0.addingTimeInterval(Double(i)), key: key, profile: "prod", subJobID: "sub\(i)",
                jobType: "baremetalSingleCreate", from: .running, to: to, reason: reason))
        }
        var (state, _) = Fixtures.press([.character("e")], Fixtures.state(), snapshot, events: events)
        var frame = Fixtures.render(snapshot, state, events: events)
        #expect(frame.lines[3] == "Events, newest first: 30 — Esc closes")
        #expect(frame.lines[4] == "04:05:03  create server 2c9e…2b4f/sub29  ▶ RUNNING → ✖ FAIL  quota 29")
        #expect(frame.lines[5] == "04:05:02  create server 2c9e…2b4f/sub28  ▶ RUNNING → ✔ SUCCESS")
        // Out of order input is still shown newest first.
        frame = Fixtures.render(snapshot, state, events: events.shuffled())
        #expect(frame.lines[4].hasPrefix("04:05:03"))
        (state, _) = Fixtures.press([.character("G")], state, snapshot, events: events)
        frame = Fixtures.render(snapshot, state, events: events)
        #expect(frame.lines[22].hasPrefix("04:04:34"))
        (state, _) = Fixtures.press([.up], state, snapshot, events: events)
        frame = Fixtures.render(snapshot, state, events: events)
        #expect(frame.lines[22].hasPrefix("04:04:35"))
        (state, _) = Fixtures.press([.escape], state, snapshot, events: events)
        #expect(state.mode == .normal)
    }

    @Test func helpOverlayListsKeysAndEscCloses() {
        var (state, _) = Fixtures.press([.character("?")], Fixtures.state(), snapshot)
        let text = Fixtures.render(snapshot, state).lines.joined(separator: "\n")
        for key in [" f ", " / ", " a ", " d ", " r ", " y ", " t ", " p ", " e ", " q "] {
            #expect(text.contains(key))
        }
        (state, _) = Fixtures.press([.escape], state, snapshot)
        #expect(state.mode == .normal)
    }

    @Test func selectionFollowsTheJobAcrossSnapshots() {
        var (state, _) = Fixtures.press([.character("G")], Fixtures.state(), snapshot)
        #expect(state.selection == .job(Fixtures.single.key))
        // A new job is added at the front and the failed batch disappears: still on the same job.
        var newcomer = Fixtures.runningBatch
        newcomer.entry = WatchEntry(profile: "prod", jobID: "new-job")
        newcomer.key = Fixtures.key("new-job")
        let changed = Fixtures.snapshot([newcomer, Fixtures.single, Fixtures.runningBatch])
        var frame = Fixtures.render(changed, state)
        #expect(frame.rows[4].cells.first?.style.reverse == true)
        #expect(frame.lines[4].hasPrefix("▸ ▶~power server"))
        (state, _) = Fixtures.press([.down], state, changed)
        #expect(state.selection == .job(Fixtures.runningBatch.key))
        // The selected job is removed: the selection stays at the same height.
        let removed = Fixtures.snapshot([newcomer, Fixtures.single])
        frame = Fixtures.render(removed, state)
        #expect(frame.rows[4].cells.first?.style.reverse == true)
    }
}
