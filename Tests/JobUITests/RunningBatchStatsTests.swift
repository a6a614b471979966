import Foundation
import JobModel
import Testing
@testable import JobUI

/// Mid-rollout, percentiles say what they are of (the finished sub-jobs), and a sub-job still
/// running counts as lasting at least its time so far: a straggler that has not finished is
/// one.
struct RunningBatchStatsTests {
    /// 2 sub-jobs failed fast (40 s, 55 s); 22 still run, begun 2 s apart from t0 + 13 s: at
    /// `Fixtures.now` they have run 4m05s to 4m47s. The two begun first are the longest.
    static var batch: JobState {
        var durations: [TimeInterval?] = [40, 55]
        durations += Array(repeating: nil, count: 22)
        var state = TimelineRenderTests.batch(durations, failing: [0, 1])
        var job = state.job!
        for index in job.entities.subJobs.indices {
            let begin = Fixtures.t0.addingTimeInterval(13 + Double(max(0, index - 2) * 2))
            job.entities.subJobs[index].beginTime = begin
            if let end = durations[index] { job.entities.subJobs[index].endTime = begin.addingTimeInterval(end) }
        }
        state.job = job
        return state
    }

    static let longestRunning = [2, 3].map { String(format: "9a9a%028d", $0 + 1) }

    @Test func theTimelineSaysOfHowManyAndMarksTheRunningStragglers() {
        var state = Fixtures.state()
        state.showDetail = false
        state.mode = .timeline(offset: 0)
        let lines = Fixtures.render(Fixtures.snapshot([Self.batch]), state).lines
        let stats = lines[4]
        #expect(stats.hasPrefix("p50 40s  p90 55s  max 55s of 2 finished"), "\(stats)")
        #expect(stats.hasSuffix("2 stragglers"), "\(stats)")
        let marked = lines.filter { $0.hasPrefix("▶*") }
        #expect(marked.count == 2, "\(lines.joined(separator: "\n"))")
        #expect(marked.allSatisfy { $0.hasSuffix("4m47s") || $0.hasSuffix("4m45s") }, "\(marked)")
    }

    @Test func theMarkdownReportSaysOfHowManyAndCountsTheRunningStragglers() {
        let report = RolloutReport([Self.batch], now: Fixtures.now, zone: ReportTests.utc)
        let lines = MarkdownReport.lines(report)
        let durations = lines.first { $0.hasPrefix("p50 ") } ?? ""
        #expect(durations == "p50 40s · p90 55s · max 55s of 2 finished sub-jobs, 22 unfinished · 2 stragglers (2 still running); the p90 counting unfinished sub-jobs at their time so far is 4m43s", "\(durations)")
        for id in Self.longestRunning {
            #expect(lines.contains { $0.hasPrefix("| `\(id)` | RUNNING |") && $0.hasSuffix("(straggler) |") }, "\(id): \(lines.joined(separator: "\n"))")
        }
        #expect(report.jobs[0].stragglers == 2)
        #expect(report.jobs[0].percentiles?.count == 2)
    }

    /// Not every running sub-job is a straggler because two failed fast: the bar is the batch's
    /// p90 with the running counted at their time so far.
    @Test func fastFailuresDoNotMakeEveryRunningSubJobAStraggler() {
        let timeline = Timeline(batch: Self.batch, now: Fixtures.now)
        #expect(timeline.stragglers.map(\.id) == Self.longestRunning)
    }

    @Test func theHTMLReportSaysOfHowMany() {
        let page = HTMLReport.page(RolloutReport([Self.batch], now: Fixtures.now, zone: ReportTests.utc))
        // The page says what the Markdown says, built from the same line.
        #expect(page.contains("of 2 finished sub-jobs, 22 unfinished · 2 stragglers (2 still running)"), "\(page)")
    }
}
