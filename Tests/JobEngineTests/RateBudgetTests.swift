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
        #expect(budget.limitPerMinute == 80)
        budget.lower(belowStated: 1000)
        #expect(budget.limitPerMinute == 80)
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
