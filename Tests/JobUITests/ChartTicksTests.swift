import Foundation
import Testing
@testable import JobUI

/// The HTML chart's axis: readable at any span, no label cut off or run into another.
struct ChartTicksTests {
    static let utc = TimeZone(identifier: "UTC")!
    static let start = Date(timeIntervalSince1970: 1_556_222_674) // 20:04:34Z

    static func ticks(_ span: TimeInterval) -> [ChartTicks.Tick] {
        ChartTicks.ticks(start: start, span: span, zone: utc, left: 300, width: 680, chartWidth: 1000)
    }

    @Test(arguments: [1, 7, 30, 59, 61, 299, 300, 1800, 3599, 3600, 5400, 7140, 86400, 259_200] as [TimeInterval])
    func labelsAreDistinctInsideAndApart(span: TimeInterval) {
        let ticks = Self.ticks(span)
        #expect(ticks.count >= 2 || span < 2, "\(span): \(ticks.map(\.label))")
        #expect(ticks.count <= 7, "\(span): \(ticks.map(\.label))")
        #expect(Set(ticks.map(\.label)).count == ticks.count, "\(span): \(ticks.map(\.label))")
        for tick in ticks {
            let extent = ChartTicks.extent(tick)
            #expect(extent.lowerBound >= 0 && extent.upperBound <= 1000, "\(span): \(tick)")
        }
        for (a, b) in zip(ticks, ticks.dropFirst()) {
            #expect(ChartTicks.extent(a).upperBound + 4 <= ChartTicks.extent(b).lowerBound, "\(span): \(a.label) runs into \(b.label)")
        }
    }

    @Test func theStartShowsSecondsOnlyWhenTheStepIsUnderAMinute() {
        #expect(Self.ticks(30).first?.label == "20:04:34")
        #expect(Self.ticks(30).map(\.label).dropFirst().first == "+5s")
        #expect(Self.ticks(3600).first?.label == "20:04")
    }

    /// The last label at the right edge ends there instead of running off the chart.
    @Test func theLastLabelIsAnchoredAtTheEnd() {
        let last = Self.ticks(5400).last!
        #expect(last.label == "+1h30m" && last.x == 980)
        #expect(last.anchor == .end)
    }
}
