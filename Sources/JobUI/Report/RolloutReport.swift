import Foundation
import JobModel

/// What `jobwatch report` says about each job, built once and written as Markdown, JSON or
/// HTML. Times are seconds and ISO 8601 UTC so scripts need no parsing rules.
public struct RolloutReport: Sendable, Codable {
    public static let schema = 1

    public var schema = RolloutReport.schema
    public var generatedAt: String
    public var jobs: [JobSummary]
    /// The timelines the Markdown and HTML draw (not part of the JSON: one bar per sub-job).
    public var timelines: [Timeline] = []
    /// The zone times are written in, for people (the JSON is UTC).
    var zone: TimeZone = TimeZone(identifier: "UTC")!
    var now: Date = Date(timeIntervalSince1970: 0)
    /// The rollout in one line and the places it covers: the top of the Markdown and the HTML.
    public var verdict = ReportVerdict([], begin: nil, end: nil)
    public var covers: [ReportCoverage] = []

    enum CodingKeys: String, CodingKey {
        case schema, generatedAt = "generated_at", jobs
    }

    public struct Percentiles: Sendable, Hashable, Codable {
        public var p50: Double
        public var p90: Double
        public var max: Double
        /// Finished sub-jobs they are taken over.
        public var count: Int
    }

    public struct SubJobDuration: Sendable, Hashable, Codable {
        public var id: String
        public var name: String?
        public var status: String
        public var seconds: Double
        public var straggler: Bool
    }

    public struct SubJobCounts: Sendable, Hashable, Codable {
        public var total: Int
        public var done: Int
        public var failed: Int
        public var running: Int
        public var waiting: Int
    }

    public struct JobSummary: Sendable, Codable {
        public var jobID: String
        /// `BMS`, `ECS`, …
        public var service: String
        public var type: String?
        public var title: String
        /// The service's word, verbatim, and what it means (`failed`, `succeeded`, …).
        public var status: String
        public var outcome: String
        public var begin: String?
        public var end: String?
        public var seconds: Double?
        public var subJobs: SubJobCounts?
        public var percentiles: Percentiles?
        public var failures: [FailureGroup]
        public var slowest: [SubJobDuration]
        public var stragglers: Int
        /// Why the job could not be read, when it could not.
        public var error: String?

        enum CodingKeys: String, CodingKey {
            case jobID = "job_id", service, type, title, status, outcome, begin, end, seconds
            case subJobs = "sub_jobs", percentiles, failures, slowest, stragglers, error
        }
    }

    /// How many of the slowest sub-jobs are listed.
    public static let slowestCount = 5

    public init(_ states: [JobState], now: Date, zone: TimeZone = TimeZone(identifier: "UTC")!) {
        let tagged = true
        generatedAt = ClockText.iso(now)
        self.zone = zone
        self.now = now
        var jobs: [JobSummary] = []
        var timelines: [Timeline] = []
        for state in states {
            let timeline = Timeline(batch: state, now: now, tagged: tagged)
            timelines.append(timeline)
            jobs.append(Self.summary(state, timeline, now: now, tagged: tagged))
        }
        self.jobs = jobs
        self.timelines = timelines
        let finished = states.allSatisfy(\.isTerminal)
        verdict = ReportVerdict(
            jobs, begin: states.compactMap { $0.job?.beginTime }.min(),
            end: finished ? states.compactMap { $0.job?.endTime }.max() : nil)
        covers = ReportCoverage.of(states)
    }

    /// Whether a job gets a section of its own after the table: a batch, a failure or an error.
    public static func hasSection(_ job: JobSummary) -> Bool {
        job.subJobs != nil || !job.failures.isEmpty || job.error != nil
    }

    /// The jobs with a section, each with its timeline.
    public var sections: [(job: JobSummary, timeline: Timeline)] {
        zip(jobs, timelines).filter { Self.hasSection($0.0) }.map { (job: $0.0, timeline: $0.1) }
    }

    /// `FAIL (failed) · 2/2, 1 failed · 4m07s`: a section's first line.
    public static func facts(_ job: JobSummary) -> String {
        var facts = ["\(job.status) (\(job.outcome))", done(job)]
        if let seconds = job.seconds { facts.append(ClockText.duration(seconds)) }
        return facts.joined(separator: " · ")
    }

    /// `p50 3m34s · p90 3m47s · max 3m47s over 2 finished sub-jobs · 0 stragglers past p90`.
    public static func durations(_ job: JobSummary, _ timeline: Timeline) -> String? {
        guard let p = job.percentiles else { return nil }
        var line = "p50 \(ClockText.duration(p.p50)) · p90 \(ClockText.duration(p.p90)) · max \(ClockText.duration(p.max)) of \(p.count) finished sub-job\(p.count == 1 ? "" : "s")"
        if timeline.unfinished > 0 { line += ", \(timeline.unfinished) unfinished" }
        line += " · \(job.stragglers) straggler\(job.stragglers == 1 ? "" : "s")" + unfinishedStragglers(timeline)
        if timeline.unfinished == 0 {
            line += " past p90"
        } else if let bar = timeline.stragglerThreshold.seconds {
            // Not the p90 above, which is of the finished only.
            line += "; the p90 counting unfinished sub-jobs at their time so far is \(ClockText.duration(bar))"
        }
        return line
    }

    /// ` (2 still running)`: the stragglers not finished yet; empty when there are none.
    static func unfinishedStragglers(_ timeline: Timeline) -> String {
        let open = timeline.stragglers.filter { !$0.isFinished }
        guard !open.isEmpty else { return "" }
        return " (\(open.count) \(open.allSatisfy { $0.status?.outcome == .running } ? "still running" : "not finished"))"
    }

    /// `2/2, 1 failed` for a batch; `1/1` or `0/1` for a single job.
    public static func done(_ job: JobSummary) -> String {
        guard let subs = job.subJobs else { return job.outcome == "succeeded" || job.outcome == "failed" ? "1/1" : "0/1" }
        return "\(subs.done)/\(subs.total)" + (subs.failed > 0 ? ", \(subs.failed) failed" : "")
    }

    static func summary(_ state: JobState, _ timeline: Timeline, now: Date, tagged: Bool) -> JobSummary {
        let job = state.job
        let status = job?.status
        var summary = JobSummary(
            jobID: state.key.jobID, service: state.key.service.tag, type: job?.type,
            title: JobTitle.of(state, tagged: false),
            status: status.map(\.description) ?? StatusLook.word(nil, health: state.health),
            outcome: status?.outcome.jsonName ?? "unknown",
            begin: job?.beginTime.map(ClockText.iso), end: (status?.isTerminal ?? false) ? job?.endTime.map(ClockText.iso) : nil,
            seconds: job?.elapsed(now: now), subJobs: nil, percentiles: nil, failures: [], slowest: [], stragglers: 0,
            error: state.lastError?.message ?? (state.job == nil ? state.detachedReason ?? "not read" : nil))
        guard !timeline.bars.isEmpty else {
            if let job, job.status == .fail {
                summary.failures = [FailureGroup(reason: job.failureReason.map(OneLine.of) ?? "no reason given", code: job.failureCode, count: 1, subJobs: [])]
            }
            return summary
        }
        let counts = timeline.counts
        summary.subJobs = SubJobCounts(total: timeline.bars.count, done: counts.finished, failed: counts.fail, running: counts.running, waiting: counts.initial)
        let stats = timeline.stats
        if let p50 = stats.p50, let p90 = stats.p90, let max = stats.max {
            summary.percentiles = Percentiles(p50: p50, p90: p90, max: max, count: stats.count)
        }
        summary.failures = FailureGroup.of(timeline.bars)
        summary.slowest = timeline.bars
            .compactMap { bar in bar.duration(now: now).map { (bar, $0) } }
            .enumerated().sorted { $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset }
            .prefix(slowestCount)
            .map { SubJobDuration(id: $0.element.0.id, name: $0.element.0.isNamed ? $0.element.0.label : nil, status: $0.element.0.status?.description ?? "?", seconds: $0.element.1, straggler: $0.element.0.straggler) }
        summary.stragglers = timeline.stragglers.count
        return summary
    }

    /// The JSON document (`--json`), keys sorted so runs compare.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every field is a plain value: encoding cannot fail.
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
