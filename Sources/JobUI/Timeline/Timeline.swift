import Foundation
import JobModel

/// A batch as bars on a time axis: what the `v` view draws and the report charts. Pure data,
/// built once per frame (or report) from a job's state.
public struct Timeline: Sendable, Hashable {
    /// One sub-job (or, for the every-job timeline, one job).
    public struct Bar: Sendable, Hashable {
        /// The full ID.
        public var id: String
        /// The name when the body gives one (`create server web-01`), else the type's label.
        public var label: String
        /// Whether `label` names the resource (then it tells rows apart; else the ID must).
        public var isNamed: Bool
        public var status: JobStatus?
        public var begin: Date?
        /// Set once finished.
        public var end: Date?
        public var reason: String?
        public var code: String?
        /// Past the batch's `stragglerThreshold` (finished or not), or flagged slow by the engine.
        public var straggler: Bool

        /// Begin to end, or to `now` while unfinished.
        public func duration(now: Date) -> TimeInterval? {
            guard let begin else { return nil }
            let stop = (status?.isTerminal ?? false) ? (end ?? now) : now
            return Swift.max(0, stop.timeIntervalSince(begin))
        }

        public var isFinished: Bool { status?.isTerminal ?? false }
    }

    public var title: String
    public var bars: [Bar]
    /// The shared axis: the earliest begin to the latest end (or `now`, while any runs).
    public var start: Date
    public var finish: Date
    /// Durations of the finished bars: what the percentiles are of.
    public var stats: DurationStats
    /// The p90 with the unfinished bars counted at their time so far.
    public var stragglerThreshold: StragglerThreshold
    public var now: Date

    /// The sub-jobs of one batch.
    public init(batch state: JobState, now: Date, tagged: Bool = false) {
        let service = state.key.service
        let subs = state.job?.subJobs ?? []
        let bars = subs.map { sub in
            // With the looked-up server names, as the tree shows them.
            let label = JobTitle.describe(sub, service: service, resources: state.resources)
            return Bar(
                id: sub.id ?? "-", label: label, isNamed: label != service.label(for: sub.type), status: sub.status,
                beginTime: sub.beginTime, endTime: sub.endTime, reason: sub.status == .fail ? sub.failureReason : nil,
                code: sub.status == .fail ? sub.failureCode : nil, slow: sub.id.map { state.slowSubJobIDs.contains($0) } ?? false)
        }
        self.init(title: JobTitle.of(state, tagged: tagged), bars: bars, now: now)
    }

    /// Every job, one bar each (the cursor is on no batch).
    public init(jobs: [JobState], now: Date, tagged: Bool) {
        let bars = jobs.map { state in
            Bar(
                id: state.key.jobID, label: JobTitle.of(state, tagged: tagged), isNamed: true, status: state.status,
                beginTime: state.job?.beginTime, endTime: state.job?.endTime,
                reason: state.status == .fail ? state.job?.failureReason : nil,
                code: state.status == .fail ? state.job?.failureCode : nil, slow: state.isSlow)
        }
        self.init(title: "every job", bars: bars, now: now)
    }

    init(title: String, bars: [Bar], now: Date) {
        let finished = bars.filter(\.isFinished).compactMap { $0.duration(now: now) }
        let threshold = StragglerThreshold(finished: finished, unfinished: bars.filter { !$0.isFinished }.compactMap { $0.duration(now: now) })
        self.title = title
        self.now = now
        self.stats = DurationStats(finished)
        self.stragglerThreshold = threshold
        self.bars = bars.map { bar in
            var bar = bar
            if let duration = bar.duration(now: now), threshold.isStraggler(duration) { bar.straggler = true }
            return bar
        }
        let begins = bars.compactMap(\.begin)
        let start = begins.min() ?? now
        var finish = bars.compactMap { $0.isFinished ? ($0.end ?? now) : nil }.max() ?? start
        if bars.contains(where: { !$0.isFinished }) || begins.isEmpty { finish = Swift.max(finish, now) }
        let axisStart = Swift.min(start, finish)
        self.start = axisStart
        // A zero-length axis has no scale.
        self.finish = Swift.max(finish, axisStart.addingTimeInterval(1))
    }

    public var span: TimeInterval { finish.timeIntervalSince(start) }

    /// Bars by status, for the summary lines.
    public var counts: StatusCounts {
        var counts = StatusCounts()
        for bar in bars { counts.add(bar.status) }
        return counts
    }

    public var stragglers: [Bar] { bars.filter(\.straggler) }

    /// Bars not finished: running, waiting, or of a status not known.
    public var unfinished: Int { bars.count { !$0.isFinished } }
}

extension Timeline.Bar {
    init(id: String, label: String, isNamed: Bool, status: JobStatus?, beginTime: Date?, endTime: Date?, reason: String?, code: String?, slow: Bool) {
        self.init(id: id, label: label, isNamed: isNamed, status: status, begin: beginTime, end: endTime, reason: reason, code: code, straggler: slow)
    }
}
