import Foundation
import JobModel

/// A batch whose sub-jobs leave INIT one after another at a steady pace (BMS starts a batch's
/// servers a few seconds apart): when the next one is expected to, from the begin times of
/// those that have.
struct BatchStagger: Sendable, Hashable {
    /// When the last one began.
    var lastBegin: Date
    /// The median gap between consecutive begins.
    var gap: TimeInterval

    /// nil unless some sub-jobs are still INIT and at least three have begun, at a pace (the
    /// median gap) of over a tenth of a second.
    init?(_ subJobs: [Job]) {
        guard subJobs.contains(where: { $0.status == .initial }) else { return nil }
        let begins = subJobs.compactMap { $0.status == .initial ? nil : $0.beginTime }.sorted()
        guard begins.count >= 3, let last = begins.last else { return nil }
        let gaps = zip(begins.dropFirst(), begins).map { $0.timeIntervalSince($1) }
        let gap = Median.of(gaps)
        guard gap > 0.1 else { return nil }
        self.lastBegin = last
        self.gap = gap
    }

    /// Seconds from `now` until the next begin is due (negative: it is late by that much);
    /// nil once it is over two gaps late: the pace has stopped (the rest wait on something).
    func nextStart(after now: Date) -> TimeInterval? {
        let next = lastBegin.addingTimeInterval(gap).timeIntervalSince(now)
        return next < -2 * gap ? nil : next
    }
}

/// The shortest and longest run of a batch's sub-jobs that succeeded, by type.
struct SiblingRuns: Sendable {
    private var byType: [String: ClosedRange<TimeInterval>] = [:]

    init(_ subJobs: [Job]) {
        for sub in subJobs where sub.status == .success {
            guard let begin = sub.beginTime, let end = sub.endTime, end >= begin else { continue }
            let run = end.timeIntervalSince(begin)
            let type = sub.type ?? ""
            let known = byType[type]
            byType[type] = min(known?.lowerBound ?? run, run)...max(known?.upperBound ?? run, run)
        }
    }

    func range(of type: String?) -> ClosedRange<TimeInterval>? {
        byType[type ?? ""]
    }
}
