import Foundation
import JobModel
import Testing
@testable import JobUI

/// The rollout report: grouping, percentiles, Markdown, Mermaid, JSON.
struct ReportTests {
    static let utc = TimeZone(identifier: "UTC")!

    static func bar(_ n: Int, _ status: JobStatus, reason: String? = nil, code: String? = nil, seconds: TimeInterval = 60) -> Timeline.Bar {
        Timeline.Bar(
            id: "sub\(n)", label: n == 2 ? "create server web-02" : "create server", isNamed: n == 2, status: status,
            begin: Fixtures.t0, end: Fixtures.t0.addingTimeInterval(seconds), reason: reason, code: code, straggler: false)
    }

    @Test func failuresGroupByReasonLargestFirst() {
        let bars = [
            Self.bar(1, .fail, reason: "No stock", code: "BMS.0213"),
            Self.bar(2, .fail, reason: "Quota exceeded"),
            Self.bar(3, .success),
            Self.bar(4, .fail, reason: "Quota exceeded"),
            Self.bar(5, .fail, reason: "Quota exceeded", code: "BMS.0102"),
            Self.bar(6, .fail),
            Self.bar(7, .fail, reason: "Quota\nexceeded"),
        ]
        let groups = FailureGroup.of(bars)
        #expect(groups.map(\.reason) == ["Quota exceeded", "No stock", "Quota exceeded", "no reason given"])
        #expect(groups.map(\.count) == [3, 1, 1, 1])
        #expect(groups[0].subJobs == [.init(id: "sub2", name: "create server web-02"), .init(id: "sub4", name: nil), .init(id: "sub7", name: nil)])
        #expect(groups[1].code == "BMS.0213")
        #expect(groups[2].code == "BMS.0102")
    }

    @Test func markdownOfTheFixtures() throws {
        let report = RolloutReport(Fixtures.snapshot().jobs, now: Fixtures.now, zone: Self.utc)
        let lines = MarkdownReport.lines(report)
        #expect(lines[0] == "# jobwatch report")
        #expect(lines[2] == "Read 2019-04-25 20:09:34 +00:00 · 3 jobs: 0 succeeded, 1 failed, 2 not finished")
        #expect(lines.contains("| ✖ | BMS | create servers `\(Fixtures.failedBatchID)` | FAIL (failed) | 2019-04-25 20:04:34 +00:00 | 2019-04-25 20:08:41 +00:00 | 4m07s | 2/2, 1 failed |"))
        #expect(lines.contains("| ▶ | BMS | reboot rack 7 `\(Fixtures.runningBatchID)` | RUNNING (running) | 2019-04-25 20:05:34 +00:00 | – | 4m00s | 1/3 |"))
        #expect(lines.contains("- **Quota exceeded for instances** (`BMS.0102`) — 1 sub-job: `2c9eb2c5544cbf6101544f0635672b61`"))
        #expect(lines.contains("p50 3m34s · p90 3m47s · max 3m47s of 2 finished sub-jobs · 0 stragglers past p90"))
        // Unfinished: how many, and the bar stragglers are past (the engine flagged one slow).
        #expect(lines.contains("p50 59s · p90 59s · max 59s of 1 finished sub-job, 2 unfinished · 1 straggler (1 still running); the p90 counting unfinished sub-jobs at their time so far is 3m58s"))
        #expect(lines.contains("| `2c9eb2c5544cbf6101544f0635672b61` | FAIL | 3m47s |"))
        let blocks = GanttSyntax.blocks(in: lines)
        #expect(blocks.count == 2)
        let gantt = try GanttSyntax.parse(blocks[0])
        #expect(gantt.sections == ["failed (1)", "succeeded (1)"])
        #expect(gantt.tasks.map(\.task.tag) == ["crit", "done"])
        #expect(gantt.tasks[0].task.start == Fixtures.t0.addingTimeInterval(13))
        #expect(gantt.tasks[0].task.end == Fixtures.t0.addingTimeInterval(240))
        let running = try GanttSyntax.parse(blocks[1])
        #expect(running.sections == ["succeeded (1)", "running (1)", "waiting (1)"])
        #expect(running.tasks[1].task.tag == "active")
        #expect(running.tasks[1].task.end == Fixtures.now)
    }

    /// 1,500 servers: a few hundred lines at most, failures grouped, the gantt summarised.
    @Test func aLargeBatchStaysReadable() throws {
        let reasons = ["Quota exceeded for instances", "库存不足 (no stock)", "IPMI timeout"]
        let durations: [TimeInterval?] = (0..<1500).map { (index: Int) -> TimeInterval? in
            index % 97 == 0 ? nil : Double(240 + (index * 7919) % 480)
        }
        let failing = Set((0..<1500).filter { $0 % 25 == 7 })
        var state = TimelineRenderTests.batch(durations, failing: failing)
        var job = state.job!
        for index in failing {
            job.entities.subJobs[index].entities.errorMessage = ErrorcodeMessage(raw: "", message: reasons[index % 3])
        }
        state.job = job
        let report = RolloutReport([state], now: Fixtures.t0.addingTimeInterval(3600), zone: Self.utc)
        let lines = MarkdownReport.lines(report)
        #expect(lines.count < 300, "\(lines.count) lines")
        let summary = report.jobs[0]
        #expect(summary.failures.map(\.count).reduce(0, +) == failing.count)
        #expect(summary.failures.count == 3)
        #expect(summary.subJobs?.total == 1500)
        #expect(lines.contains { $0.contains(", and \(summary.failures[0].count - MarkdownReport.membersShown) more") })
        let blocks = GanttSyntax.blocks(in: lines)
        #expect(blocks.count == 1)
        let gantt = try GanttSyntax.parse(blocks[0])
        #expect(gantt.tasks.count < 80)
        #expect(gantt.tasks.contains { $0.task.name.hasPrefix("create server 9a9a~") && $0.task.tag == "crit" })
        #expect(gantt.tasks.contains { $0.task.name.contains(" more succeeded") })
        #expect(lines.contains { $0.contains("1500 sub-jobs: the failures and the slowest are drawn by name") })
    }

    @Test func mermaidNamesCannotBreakTheSyntax() throws {
        var bar = Self.bar(2, .fail, reason: "x")
        bar.label = "web:01; #1"
        let timeline = Timeline(title: "a: b", bars: [bar], now: Fixtures.now)
        let lines = MermaidGantt.lines(timeline)
        let gantt = try GanttSyntax.parse(lines)
        #expect(gantt.tasks[0].task.name == "web 01   1 sub2")
    }

    /// A batch of under ten minutes: the gantt's ticks carry seconds, else all read `20:04`.
    @Test func mermaidAxisOfAShortBatchHasSeconds() {
        let short = Timeline(title: "quick", bars: [Self.bar(1, .success, seconds: 30)], now: Fixtures.now)
        #expect(MermaidGantt.lines(short).contains("    axisFormat %H:%M:%S"))
        let long = Timeline(title: "slow", bars: [Self.bar(1, .success, seconds: 3600)], now: Fixtures.now)
        #expect(MermaidGantt.lines(long).contains("    axisFormat %H:%M"))
    }

    @Test func jsonHasTheSameSummary() throws {
        let report = RolloutReport(Fixtures.snapshot().jobs, now: Fixtures.now, zone: Self.utc)
        let decoded = try JSONDecoder().decode(RolloutReport.self, from: Data(report.json().utf8))
        #expect(decoded.schema == 1)
        #expect(decoded.generatedAt == "2019-04-25T20:09:34Z")
        #expect(decoded.jobs.count == 3)
        let failed = decoded.jobs[0]
        #expect(failed.jobID == Fixtures.failedBatchID)
        #expect(failed.service == "BMS")
        #expect(failed.status == "FAIL" && failed.outcome == "failed")
        #expect(failed.subJobs == .init(total: 2, done: 2, failed: 1, running: 0, waiting: 0))
        #expect(failed.percentiles == .init(p50: 214, p90: 227, max: 227, count: 2))
        #expect(failed.failures.first?.reason == "Quota exceeded for instances")
        #expect(failed.begin == "2019-04-25T20:04:34Z")
        #expect(decoded.jobs[2].error == "Service Unavailable")
        #expect(report.json().contains("\"sub_jobs\""))
    }

    @Test func htmlIsOneSelfContainedPage() {
        let report = RolloutReport(Fixtures.snapshot().jobs, now: Fixtures.now, zone: Self.utc)
        let page = HTMLReport.page(report)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<style>") && page.contains("<svg"))
        #expect(!page.contains("<script") && !page.contains("src=") && !page.contains("href=") && !page.contains("url("))
        // One bar per sub-job: 2 + 3.
        #expect(page.components(separatedBy: "<rect class=\"bar ").count - 1 == 5)
        #expect(page.contains("class=\"bar fail\""))
        #expect(page.contains("Quota exceeded for instances"))
    }
}
