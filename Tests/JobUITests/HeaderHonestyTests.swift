import Foundation
import JobModel
import Testing
@testable import JobUI

/// The header says what the engine knows, and no more.
struct HeaderHonestyTests {
    func header(_ snapshot: Snapshot, width: Int = 200) -> String {
        Fixtures.render(snapshot, Fixtures.state(width: width, height: 40), width: width, height: 40).lines.prefix(3).joined(separator: "\n")
    }

    @Test func throttleShowsItsEndAndWhatTheServerAskedFor() {
        var snapshot = Fixtures.snapshot()
        snapshot.throttledUntil = Fixtures.now.addingTimeInterval(300)
        snapshot.throttleAskedFor = 99_999_999
        let text = header(snapshot)
        #expect(text.contains("throttled until \(ClockText.clock(Fixtures.now.addingTimeInterval(300), Fixtures.shanghai))"), "\(text)")
        #expect(text.contains("(the server asked for 1157d09h)"), "\(text)")
    }

    @Test func overdueJobsHaveNoEstimate() {
        var snapshot = Fixtures.snapshot()
        snapshot.eta = nil
        snapshot.overdue = 1
        let text = header(snapshot)
        #expect(text.contains("ETA ?, 1 overdue"), "\(text)")
        #expect(!text.contains("ETA 0s"), "\(text)")
        snapshot.eta = 190
        #expect(header(snapshot).contains("ETA 3m10s, 1 overdue"))
    }

    @Test func aStateFileThatCannotBeSavedIsSaid() {
        var snapshot = Fixtures.snapshot()
        snapshot.stateSaveProblem = "/ro/jobwatch: cannot create the state file there — check the folder's permissions"
        let text = header(snapshot)
        #expect(text.contains("state not saved: /ro/jobwatch"), "\(text)")
    }

    @Test func eventLogSaysHowManyOlderEventsWereDropped() {
        var snapshot = Fixtures.snapshot()
        snapshot.droppedEvents = 110_000
        let events = [Transition(at: Fixtures.now, key: Fixtures.failedBatch.key, profile: "prod", from: .running, to: .fail, reason: "quota")]
        let (state, _) = Fixtures.press([.character("e")], Fixtures.state(width: 160, height: 30), snapshot, events: events)
        let text = Fixtures.render(snapshot, state, width: 160, height: 30, events: events).lines.joined(separator: "\n")
        #expect(text.contains("(110000 older dropped: the log keeps the last 10000)"), "\(text)")
    }
}
