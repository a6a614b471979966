import JobModel
import Foundation
import Testing
@testable import JobUI

/// Every kind of message through `Dashboard.update`, without a terminal.
struct UpdateTests {
    let running = Fixtures.snapshot()
    /// Everything finished: a failed batch alone.
    let done = Fixtures.snapshot([Fixtures.failedBatch])

    private func failure(_ subJobID: String? = nil) -> Transition {
        Transition(at: Fixtures.now, key: Fixtures.runningBatch.key, profile: "prod", subJobID: subJobID, from: .running, to: .fail)
    }

    /// Digits hidden: what is left is what does not depend on the clock.
    private func shape(_ frame: Frame) -> [String] {
        frame.lines.map { $0.replacing(/\d+/, with: "#") }
    }

    // MARK: - The bell

    @Test func aFailureRingsOnceAfterItsFrameWithBell() {
        var (model, effects) = Fixtures.send([.transition(failure())], Fixtures.model(bell: true))
        #expect(effects.isEmpty)
        #expect(model.bellPending)
        (model, effects) = Fixtures.send([.drawn], model)
        #expect(effects == [.bell])
        (model, effects) = Fixtures.send([.drawn, .tick(Fixtures.now.addingTimeInterval(1)), .drawn], model)
        #expect(effects.isEmpty)
    }

    @Test func aBurstOfFailuresIsOneRing() {
        let (_, effects) = Fixtures.send([.transition(failure()), .transition(failure("a")), .transition(failure("b")), .drawn], Fixtures.model(bell: true))
        #expect(effects == [.bell])
    }

    @Test func noBellWithoutTheOptionOrForSuccess() {
        #expect(Fixtures.send([.transition(failure()), .snapshot(done), .drawn], Fixtures.model()).1.isEmpty)
        var success = failure()
        success.to = .success
        #expect(Fixtures.send([.transition(success), .drawn], Fixtures.model(bell: true)).1.isEmpty)
    }

    @Test func everythingDoneRingsOnceWhenItBecomesTrue() {
        var (model, effects) = Fixtures.send([.snapshot(running), .drawn], Fixtures.model(Fixtures.state(), running, bell: true))
        #expect(effects.isEmpty)
        (model, effects) = Fixtures.send([.snapshot(done), .drawn], model)
        #expect(effects == [.bell])
        // Every snapshot after says the same: no new ring.
        (model, effects) = Fixtures.send([.snapshot(done), .drawn, .snapshot(done), .drawn], model)
        #expect(effects.isEmpty)
        // Unfinished again (a job added), then done again: worth a ring.
        (_, effects) = Fixtures.send([.snapshot(running), .drawn, .snapshot(done), .drawn], model)
        #expect(effects == [.bell])
    }

    @Test func aWatchDoneFromTheStartDoesNotRing() {
        let (_, effects) = Fixtures.send([.snapshot(done), .drawn], Fixtures.model(Fixtures.state(), done, bell: true))
        #expect(effects.isEmpty)
    }

    // MARK: - Quitting

    @Test func qWhileJobsRunAsksAndYQuits() {
        var (model, effects) = Fixtures.send([.key(.character("q"))], Fixtures.model())
        #expect(effects.isEmpty)
        #expect(model.state.mode == .confirmingQuit)
        #expect(Dashboard.view(model).lines[23] == "jobs still running — quit? y/n")
        // Messages that are not keys leave the question up.
        (model, effects) = Fixtures.send([.snapshot(running), .tick(Fixtures.now.addingTimeInterval(1)), .resize(ScreenSize(width: 100, height: 30))], model)
        #expect(effects.isEmpty)
        #expect(model.state.mode == .confirmingQuit)
        #expect(Fixtures.send([.key(.character("y"))], model).1 == [.quit])
    }

    @Test(arguments: [Key.character("n"), .escape, .enter])
    func anAnswerOtherThanYCancels(_ key: Key) {
        let (model, effects) = Fixtures.send([.key(.character("q")), .key(key)], Fixtures.model())
        #expect(effects.isEmpty)
        #expect(model.state.mode == .normal)
    }

    @Test func aStrayKeyRingsAndKeepsAsking() {
        let (model, effects) = Fixtures.send([.key(.character("q")), .key(.character("x"))], Fixtures.model())
        #expect(effects == [.bell])
        #expect(model.state.mode == .confirmingQuit)
    }

    @Test func qWhenAllIsDoneQuitsAtOnce() {
        #expect(Fixtures.send([.snapshot(done), .key(.character("q"))], Fixtures.model()).1 == [.quit])
    }

    @Test func signalsAndHangupEndTheLoop() {
        #expect(Fixtures.send([.signal(15)], Fixtures.model()).1 == [.exit(.signal(15))])
        #expect(Fixtures.send([.hangup], Fixtures.model()).1 == [.exit(.hangup)])
        #expect(Fixtures.send([.key(.ctrl("l"))], Fixtures.model()).1 == [.redraw])
    }

    // MARK: - Resize

    @Test func aResizeChangesTheScreenAndKeepsTheSelectionVisible() {
        let many = (0..<40).map { n -> JobState in
            var job = Fixtures.single
            let id = String(format: "%032x", n + 1)
            job.key = Fixtures.key(id)
            job.entry = WatchEntry(profile: "prod", jobID: id)
            return job
        }
        let snapshot = Fixtures.snapshot(many)
        var state = Fixtures.state(width: 80, height: 60)
        state.showDetail = false
        var (model, _) = Fixtures.send([.key(.character("G")), .key(.character("f")), .key(.character("f")), .key(.character("f")), .key(.character("f"))], Fixtures.model(state, snapshot))
        #expect(model.state.selection == .job(Fixtures.key(String(format: "%032x", 40))))
        #expect(model.state.notice == "filter: all")
        (model, _) = Fixtures.send([.resize(ScreenSize(width: 70, height: 12))], model)
        #expect(model.state.screen == ScreenSize(width: 70, height: 12))
        #expect(model.state.notice == nil)
        // The last row is the bottom one: the model scrolled, not only the frame.
        #expect(model.state.scrollOffset == 40 - TreeGeometry(snapshot, model.state).pageRows)
        let frame = Dashboard.view(model)
        #expect(frame.width == 70 && frame.height == 12)
        #expect(frame.lines.contains { $0.contains("0000…0028") }, "\(frame.lines)")
    }

    @Test func aResizeKeepsTheEventLogInsideItsLines() {
        let events = (0..<30).map { n in
            Transition(at: Fixtures.now.addingTimeInterval(Double(n)), key: Fixtures.single.key, profile: "prod", from: .running, to: .running)
        }
        var (model, _) = Fixtures.send([.key(.character("e")), .key(.end)], Fixtures.model(Fixtures.state(width: 80, height: 24), events: events))
        guard case .eventLog(let before) = model.state.mode else { Issue.record("no event log"); return }
        (model, _) = Fixtures.send([.resize(ScreenSize(width: 80, height: 40))], model)
        guard case .eventLog(let after) = model.state.mode else { Issue.record("no event log"); return }
        #expect(after < before)
        #expect(after == Dashboard.eventLogLastOffset(model.state, events: events))
    }

    // MARK: - Pause and the clock

    @Test func pausedTakesSnapshotsInButTheViewStaysFrozen() {
        var (model, _) = Fixtures.send([.key(.character("p"))], Fixtures.model())
        let frozen = Dashboard.view(model)
        #expect(frozen.lines[0].hasPrefix(" PAUSED "), "\(frozen.lines[0])")
        #expect(frozen.title.hasSuffix("(paused)"))
        (model, _) = Fixtures.send([.snapshot(done)], model)
        #expect(model.snapshot.jobs.count == 1)
        #expect(Dashboard.view(model).lines == frozen.lines)
        // Unpaused: the newest snapshot, at once.
        (model, _) = Fixtures.send([.key(.character("p"))], model)
        let live = Dashboard.view(model)
        #expect(!live.lines[0].contains("PAUSED"))
        #expect(live.lines[0].contains("jobs 1:"), "\(live.lines[0])")
    }

    @Test func aTickMovesOnlyElapsedTimes() {
        let (before, _) = Fixtures.send([.key(.character("f"))], Fixtures.model())
        let (after, effects) = Fixtures.send([.tick(Fixtures.now.addingTimeInterval(7))], before)
        #expect(effects.isEmpty)
        #expect(after.state == before.state)
        #expect(after.state.notice == "filter: failed")
        #expect(after.now == Fixtures.now.addingTimeInterval(7))
        let old = Dashboard.view(before), new = Dashboard.view(after)
        #expect(old.lines != new.lines)
        #expect(shape(old) == shape(new))
        #expect(new.lines.contains { $0.contains("poll 9s ago") }, "\(new.lines)")
    }

    // MARK: - Answers of effects

    @Test func addAndRemoveResultsBecomeNotices() {
        var (model, effects) = Fixtures.send([.addFailed(JobReference(id: "0a1b"), problem: "not found")], Fixtures.model())
        #expect(effects.isEmpty)
        #expect(model.state.notice == "0a1b: not found")
        #expect(Dashboard.view(model).lines[23] == "0a1b: not found")
        (model, _) = Fixtures.send([.added(JobReference(id: "0a1b"))], model)
        #expect(model.state.notice == "0a1b: not found")
        (model, _) = Fixtures.send([.removed(Fixtures.single.key)], model)
        #expect(model.state.notice == "removed \(Fixtures.singleID) from the watch")
        // The next key clears it; snapshots and ticks do not.
        (model, _) = Fixtures.send([.snapshot(running), .tick(Fixtures.now)], model)
        #expect(model.state.notice != nil)
        (model, _) = Fixtures.send([.key(.down)], model)
        #expect(model.state.notice == nil)
    }

    @Test func copyResultsBecomeNotices() {
        var (model, effects) = Fixtures.send([.key(.character("y"))], Fixtures.model())
        #expect(effects == [.copy(Fixtures.failedBatchID)])
        (model, _) = Fixtures.send([.copied(Fixtures.failedBatchID)], model)
        #expect(model.state.notice == "copied \(Fixtures.failedBatchID)")
        (model, _) = Fixtures.send([.copyFailed], model)
        #expect(model.state.notice == "this terminal cannot take a copy (no OSC 52)")
    }

    @Test func aConfirmedRemovalIsNotedAtTheModelsTime() {
        let later = Fixtures.now.addingTimeInterval(42)
        let (model, effects) = Fixtures.send([.tick(later), .key(.character("d")), .key(.character("y"))], Fixtures.model())
        #expect(effects == [.removeJob(Fixtures.failedBatch.key)])
        #expect(model.state.notes == [EventNote.removed(Fixtures.failedBatch.key, from: running, at: later)])
    }

    // MARK: - Transitions

    @Test func transitionsReachTheEventLogUpToItsLimit() {
        var model = Fixtures.model()
        model.log = EventLog(limit: 2)
        let first = failure(), second = failure("a"), third = failure("b")
        (model, _) = Fixtures.send([.transition(first), .transition(second), .transition(third)], model)
        #expect(model.events == [second, third])
        #expect(model.log.dropped == 1)
        (model, _) = Fixtures.send([.key(.character("e"))], model)
        let lines = Dashboard.view(model).lines
        #expect(lines[3].hasPrefix("Events, newest first: 2"), "\(lines)")
    }
}
