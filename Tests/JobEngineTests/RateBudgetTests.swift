import Testing
import JobModel
@testable import JobEngine

@Suite("Rate budget and backoff")
struct RateBudgetTests {
    @Test("never more than 90 % of the limit in any closed 60-second window, even one the server's clock shifts by 5 s; spread out")
    func slidingWindow() {
        var budget = RateBudget(limitPerMinute: 30)
        var now = Duration.zero
        var sent: [Duration] = []
        while now < .seconds(600) {
            let slot = budget.nextSlot(at: now)
            if slot <= now {
                budget.record(at: now)
                sent.append(now)
            } else {
                now = slot
                continue
            }
            now += .milliseconds(100)
        }
        for start in sent {
            let inWindow = sent.filter { $0 >= start && $0 <= start + .seconds(60) }
            #expect(inWindow.count <= 27, "aim at 90 % of 30")
            let shifted = sent.filter { $0 >= start && $0 < start + .seconds(65) }
            #expect(shifted.count <= 27, "a closed server minute up to 5 s longer than ours still holds at most 27")
            let second = sent.filter { $0 >= start && $0 < start + .seconds(1) }
            #expect(second.count <= 9, "no burst over a third of the minute's share")
        }
        #expect(sent.count >= 240, "the budget is used: \(sent.count)")
    }

    @Test("a stated quota lowers the limit below it, never raises it")
    func lowering() {
        var budget = RateBudget(limitPerMinute: 300)
        budget.lower(belowStated: 100)
        #expect(budget.limit(at: .zero) == 80)
        budget.lower(belowStated: 1000)
        #expect(budget.limit(at: .zero) == 80)
    }

    @Test("a 429 within the budget's share halves it once per burst, to a quarter at least; quiet minutes give it back")
    func slowDownAndRecovery() {
        // Between two slow-downs the limit climbs 4 a minute: within a request of it.
        func near(_ expected: Double, at second: Int) -> Bool { abs(budget.limit(at: .seconds(second)) - expected) < 1 }
        var budget = RateBudget(limitPerMinute: 40)
        budget.slowDown(at: .seconds(10))
        #expect(budget.limit(at: .seconds(10)) == 20)
        #expect(budget.slowedFrom(at: .seconds(10)) == 40)
        budget.slowDown(at: .seconds(12))
        #expect(near(20, at: 12), "the answers of one burst are one signal: \(budget.limit(at: .seconds(12)))")
        budget.slowDown(at: .seconds(30))
        #expect(near(10, at: 30), "\(budget.limit(at: .seconds(30)))")
        for second in [40, 50, 60, 70] { budget.slowDown(at: .seconds(second)) }
        #expect(budget.limit(at: .seconds(70)) == 10, "a quarter of the ceiling at least")
        // Nothing recorded since: the limit climbs as time passes, read at any time.
        #expect(budget.limit(at: .seconds(70 + 120)) == 18, "4 a minute back per quiet minute")
        #expect(budget.capacity(at: .seconds(70 + 120)) == 16)
        #expect(budget.limit(at: .seconds(70 + 3600)) == 40, "never above where it began")
        #expect(budget.slowedFrom(at: .seconds(70 + 3600)) == nil, "no longer slowed")
    }

    @Test("a stated quota that explains a 429 lowers the ceiling; one that does not leaves it")
    func statedQuotaAndSlowDown() {
        var budget = RateBudget(limitPerMinute: 300)
        let explained = budget.lower(belowStated: 100)
        let notExplained = budget.lower(belowStated: 1000)
        #expect(explained && !notExplained)
        budget.slowDown(at: .seconds(5))
        #expect(budget.limit(at: .seconds(5)) == 40)
        #expect(budget.limit(at: .seconds(5 + 3600)) == 80, "back to the stated quota's safe share, not to 300")
    }

    @Test("a slowed budget spreads its requests out: half the limit, half the requests")
    func slowedBudgetSpreads() {
        var budget = RateBudget(limitPerMinute: 30)
        budget.slowDown(at: .zero)
        var now = Duration.zero
        var sent = 0
        while now < .seconds(60) {
            if budget.nextSlot(at: now) <= now {
                budget.record(at: now)
                sent += 1
            }
            now += .milliseconds(100)
        }
        // 15 a minute at 90 %, plus what a minute gives back as it passes.
        #expect(sent >= 10 && sent <= 16, "\(sent) in the first minute")
    }

    @Test("a slowed budget's spacing shortens as it climbs back, with no request to move it")
    func spacingFollowsRecovery() {
        var budget = RateBudget(limitPerMinute: 60)
        budget.slowDown(at: .zero)
        let slowed = budget.spacing(activeJobs: 10, at: .zero)
        let later = budget.spacing(activeJobs: 10, at: .seconds(120))
        let recovered = budget.spacing(activeJobs: 10, at: .seconds(600))
        #expect(slowed > later && later > recovered, "\(slowed) \(later) \(recovered)")
        #expect(recovered == RateBudget(limitPerMinute: 60).spacing(activeJobs: 10, at: .zero))
    }

    @Test("backoff stays within its cap and grows")
    func backoff() {
        var random = SeededRandom(seed: 7)
        let backoff = Backoff(base: .seconds(2), cap: .seconds(60))
        let delays = (0..<200).map { backoff.delay(attempt: $0 % 12, random: &random) }
        #expect(delays.allSatisfy { $0 <= .seconds(60) && $0 >= .milliseconds(500) })
        let early = (0..<200).map { _ in backoff.delay(attempt: 0, random: &random) }
        #expect(early.allSatisfy { $0 <= .seconds(2) })
    }
}
