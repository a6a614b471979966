import Foundation
import JobModel
import Testing

/// A straggler is past the batch's p90, the unfinished counted at their time so far.
struct StragglerThresholdTests {
    @Test func aFinishedBatchUsesThePercentileOfItsDurations() {
        let threshold = StragglerThreshold(finished: [60, 61, 62, 63, 64, 65, 66, 67, 68, 69], unfinished: [])
        #expect(threshold.seconds == 68)
        #expect(threshold.isStraggler(100))
        #expect(!threshold.isStraggler(68))
    }

    @Test func fewerThanThreeDurationsSayNothing() {
        #expect(StragglerThreshold(finished: [60, 61], unfinished: []).seconds == nil)
        #expect(!StragglerThreshold(finished: [60, 61], unfinished: []).isStraggler(1000))
        // Two finished and one running are three.
        #expect(StragglerThreshold(finished: [60, 61], unfinished: [300]).seconds == 300)
    }

    @Test func nothingFinishedSaysNothing() {
        // At the start of a batch, the earliest begun is not a straggler for having begun first.
        #expect(StragglerThreshold(finished: [], unfinished: [30, 31, 32, 33]).seconds == nil)
    }

    @Test func runningSubJobsCountAtTheirTimeSoFar() {
        // Two fast failures and 22 running for 4–5 minutes: the bar is among the running, not 55 s.
        let running = (0..<22).map { 245 + 2 * TimeInterval($0) }
        let threshold = StragglerThreshold(finished: [40, 55], unfinished: running)
        #expect(threshold.seconds == 283)
        #expect(running.count(where: threshold.isStraggler) == 2)
        // One still running long after the rest finished is a straggler already.
        let late = StragglerThreshold(finished: Array(repeating: 200, count: 23), unfinished: [900])
        #expect(late.isStraggler(900))
    }
}
