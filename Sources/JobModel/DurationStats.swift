import Foundation

/// Percentiles and a histogram of a batch's sub-job durations, shared by the timeline view and
/// the report so both say the same numbers (which durations: the caller's; stragglers are
/// `StragglerThreshold`'s).
public struct DurationStats: Sendable, Hashable {
    /// The durations, ascending.
    public let sorted: [TimeInterval]

    public init(_ durations: [TimeInterval]) {
        sorted = durations.filter(\.isFinite).sorted()
    }

    public var count: Int { sorted.count }
    public var isEmpty: Bool { sorted.isEmpty }

    /// Nearest-rank percentile (`p` in 0…100): always one of the durations, never interpolated,
    /// so "p90 3m47s" is a time some sub-job really took.
    public func percentile(_ p: Double) -> TimeInterval? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((Swift.min(100, Swift.max(0, p)) / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.min(sorted.count - 1, Swift.max(0, rank - 1))]
    }

    public var p50: TimeInterval? { percentile(50) }
    public var p90: TimeInterval? { percentile(90) }
    public var max: TimeInterval? { sorted.last }
    public var min: TimeInterval? { sorted.first }

    /// Counts in `buckets` equal-width bins from the shortest to the longest duration (the
    /// longest falls in the last bin). All equal: everything in the first bin.
    public func histogram(buckets: Int) -> [Int] {
        guard buckets > 0 else { return [] }
        var counts = Array(repeating: 0, count: buckets)
        guard let low = sorted.first, let high = sorted.last else { return counts }
        let span = high - low
        for value in sorted {
            let index = span > 0 ? Int((value - low) / span * Double(buckets)) : 0
            counts[Swift.min(buckets - 1, Swift.max(0, index))] += 1
        }
        return counts
    }
}
