import Foundation
import Testing
@testable import JobUI
import JobModel

/// The tick sleeps as long as the screen would stay the same: the frames prove it.
@Suite struct PaceTests {
    let running = Fixtures.snapshot()
    let done = Fixtures.snapshot([Fixtures.failedBatch])

    private func model(_ snapshot: Snapshot, at now: Date, paused: Bool = false) -> Model {
        var model = Fixtures.model(Fixtures.state(width: 120, height: 40), snapshot)
        model.now = now
        if paused { model = Dashboard.update(model, .key(.character("p"))).0 }
        return model
    }

    private func frame(_ model: Model, at now: Date) -> [String] {
        Dashboard.view(Dashboard.update(model, .tick(now)).0).lines
    }

    @Test func somethingRunningTicksEverySecond() {
        let model = model(running, at: Fixtures.now)
        #expect(Dashboard.stillFor(model) == .seconds(1))
        #expect(frame(model, at: Fixtures.now.addingTimeInterval(1)) != Dashboard.view(model).lines)
    }

    @Test func aFinishedWatchWaitsUntilAnAgeNextReadsDifferently() throws {
        let now = Fixtures.now.addingTimeInterval(10 * 60 + 17)
        let model = model(done, at: now)
        let wait = try #require(Dashboard.stillFor(model))
        #expect(wait > .seconds(1) && wait <= .seconds(60), "\(wait)")
        let seconds = Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18
        let before = Dashboard.view(model).lines
        #expect(frame(model, at: now.addingTimeInterval(seconds - 0.01)) == before, "still the same frame just before")
        #expect(frame(model, at: now.addingTimeInterval(seconds)) != before, "changed when it said")
    }

    @Test func freshAgesCountSeconds() {
        // The fixtures' last poll was 2 s ago: "poll 2s ago" moves every second.
        #expect(Dashboard.stillFor(model(done, at: Fixtures.now)) == .seconds(1))
    }

    @Test func pausedNeverTicksAndItsClockStandsStill() {
        let model = model(running, at: Fixtures.now, paused: true)
        #expect(Dashboard.stillFor(model) == nil)
        #expect(frame(model, at: Fixtures.now.addingTimeInterval(3600)) == Dashboard.view(model).lines)
        // Unpaused, the clock is the model's again.
        let live = Dashboard.update(Dashboard.update(model, .tick(Fixtures.now.addingTimeInterval(5))).0, .key(.character("p"))).0
        #expect(live.shownNow == Fixtures.now.addingTimeInterval(5))
        #expect(Dashboard.stillFor(live) == .seconds(1))
    }

    static let ages: [(seconds: Double, text: String, changesIn: Double)] = [
        (0, "0s", 1), (59.5, "59s", 0.5), (60, "1m", 60), (61, "1m", 59), (3599, "59m", 1),
        (3600, "1h00m", 60), (86400 + 7200, "1d02h", 3600),
    ]

    @Test(arguments: ages)
    func agesCoarsenPastAMinute(seconds: Double, text: String, changesIn: Double) {
        #expect(ClockText.age(seconds) == text)
        #expect(abs(ClockText.ageChanges(after: seconds) - changesIn) < 1e-9)
    }

    /// An idle watch's header: "budget 3/30 per min" falls as each request leaves the minute,
    /// with no new snapshot, and the tick wakes for each fall.
    @Test func theBudgetCountFallsOnAnIdleScreen() throws {
        let now = Fixtures.now.addingTimeInterval(10 * 60 + 17)
        var snapshot = done
        snapshot.budgets = [BudgetUse(credential: "AK HPUA…", endpoint: "bms.cn-north-4.myhuaweicloud.com:443", usedLastMinute: 3, limitPerMinute: 30,
                                      leavesWindowAt: [now.addingTimeInterval(4), now.addingTimeInterval(9), now.addingTimeInterval(30)])]
        let model = model(snapshot, at: now)
        #expect(Dashboard.view(model).lines.contains { $0.contains("budget 3/30 per min") })
        let wait = try #require(Dashboard.stillFor(model))
        #expect(wait == .seconds(4))
        #expect(frame(model, at: now.addingTimeInterval(4)).contains { $0.contains("budget 2/30 per min") })
        #expect(frame(model, at: now.addingTimeInterval(31)).contains { $0.contains("budget 0/30 per min") })
        var later = model
        later.now = now.addingTimeInterval(31)
        #expect(Dashboard.stillFor(later).map { $0 > .seconds(4) } ?? true, "nothing left to fall")
    }
}
