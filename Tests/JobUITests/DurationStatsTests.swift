import Foundation
import JobModel
import Testing
@testable import JobUI

struct DurationStatsTests {
    @Test func nearestRankPercentiles() {
        let stats = DurationStats((1...10).map(Double.init).shuffled())
        #expect(stats.p50 == 5)
        #expect(stats.p90 == 9)
        #expect(stats.max == 10)
        #expect(stats.percentile(100) == 10)
        #expect(stats.percentile(0) == 1)
        #expect(DurationStats([42]).p90 == 42)
        #expect(DurationStats([]).p50 == nil)
    }

    @Test func histogramBins() {
        let stats = DurationStats([0, 1, 1, 2, 9, 10])
        #expect(stats.histogram(buckets: 5) == [3, 1, 0, 0, 2])
        #expect(DurationStats([5, 5, 5]).histogram(buckets: 3) == [3, 0, 0])
        #expect(Sparkline.text([3, 1, 0, 0, 2], unicode: true) == "█▃  ▆")
        #expect(Sparkline.text([3, 1, 0, 0, 2], unicode: false) == "#:  +")
    }
}
