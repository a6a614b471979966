import Foundation
import JobModel
import Testing
@testable import JobUI

/// The HTML page says everything the Markdown says, from the same model, summary first.
struct HTMLReportTests {
    static let utc = TimeZone(identifier: "UTC")!

    /// The fixtures, with the failed batch's succeeded server looked up by name.
    static func report() -> RolloutReport {
        var failed = Fixtures.failedBatch
        failed.resources["bae51750-0089-41a1-9b18-5c777978ff6d"] = Resource(kind: .server, id: "bae51750-0089-41a1-9b18-5c777978ff6d", name: "web-01", fixedAddress: "192.0.2.11")
        return RolloutReport(Fixtures.snapshot([failed, Fixtures.runningBatch, Fixtures.single]).jobs, now: Fixtures.now, zone: utc)
    }

    @Test func theSummaryComesFirstWithTheVerdictAndWhatItCovers() throws {
        let page = HTMLReport.page(Self.report())
        let body = try #require(page.range(of: "<body>\n"))
        #expect(page[body.upperBound...].hasPrefix("<header class=\"summary failed\">\n<h1>jobwatch report</h1>\n<p class=\"verdict failed\">✖ 1 of 3 jobs failed, 2 not finished</p>"))
        #expect(page.contains("<tr><th>Jobs</th><td>3 jobs: 0 succeeded, 1 failed, 2 not finished</td></tr>"))
        #expect(page.contains("<tr><th>Sub-jobs</th><td>5 sub-jobs: 3 done, 1 failed, 1 running, 1 waiting</td></tr>"))
        #expect(page.contains("<tr><th>When</th><td>2019-04-25 20:04:34 +00:00 → not finished (5m00s so far)</td></tr>"))
        #expect(page.contains("<tr><th>Covers</th><td>profile <code>prod</code> · <code>bms.cn-north-4.myhuaweicloud.com:443</code> · project <code>0a1b2c3d</code></td></tr>"))
        #expect(page.contains("<title>jobwatch report — 1 of 3 jobs failed, 2 not finished</title>"))
    }

    @Test func everyJobHasItsBeginAndEnd() {
        let page = HTMLReport.page(Self.report())
        let shanghai = HTMLReport.page(RolloutReport(Fixtures.snapshot().jobs, now: Fixtures.now, zone: Fixtures.shanghai))
        #expect(shanghai.contains("<th>Begin <small>+08:00</small></th>") && shanghai.contains("<td class=\"when\">2019-04-26 04:04:34</td>"))
        #expect(page.contains("<th>Status</th><th>Begin <small>+00:00</small></th><th>End <small>+00:00</small></th><th>Duration</th><th>Done</th>"))
        #expect(page.contains("<td>FAIL (failed)</td><td class=\"when\">2019-04-25 20:04:34</td><td class=\"when\">2019-04-25 20:08:41</td><td class=\"num\">4m07s</td><td class=\"nowrap\">2/2, 1 failed</td>"))
        #expect(page.contains("<td>RUNNING (running)</td><td class=\"when\">2019-04-25 20:05:34</td><td class=\"when\">–</td>"))
    }

    /// Each fact line of the Markdown's sections is in the page too.
    @Test func theSectionsSayWhatTheMarkdownSays() {
        let report = Self.report()
        let page = HTMLReport.page(report)
        let markdown = MarkdownReport.text(report)
        for (job, timeline) in zip(report.jobs, report.timelines) where RolloutReport.hasSection(job) {
            #expect(markdown.contains(RolloutReport.facts(job)) && page.contains(HTMLReport.escape(RolloutReport.facts(job))))
            if let durations = RolloutReport.durations(job, timeline) {
                #expect(markdown.contains(durations) && page.contains(durations))
            }
        }
        #expect(page.contains("<p class=\"error\">Not read: Service Unavailable</p>") && markdown.contains("Not read: Service Unavailable"))
        #expect(page.contains("<h3>Slowest sub-jobs</h3>") && markdown.contains("### Slowest sub-jobs"))
        #expect(page.contains("<tr><td><code>2c9eb2c5544cbf6101544f0635672b61</code></td><td>FAIL</td><td class=\"num\">3m47s</td></tr>"))
        #expect(page.contains("Quota exceeded for instances</b> (<code>BMS.0102</code>) — 1 sub-job: <code>2c9eb2c5544cbf6101544f0635672b61</code>"))
        // The same verdict and places head both.
        #expect(markdown.contains("**✖ 1 of 3 jobs failed, 2 not finished** · 5 sub-jobs: 3 done, 1 failed, 1 running, 1 waiting · 2019-04-25 20:04:34 +00:00 → not finished (5m00s so far)"))
        #expect(markdown.contains("Covers: profile prod · bms.cn-north-4.myhuaweicloud.com:443 · project 0a1b2c3d"))
    }

    /// A looked-up server is named in the chart, the slowest table and the failures.
    @Test func serversAreNamed() {
        let page = HTMLReport.page(Self.report())
        #expect(page.contains("<text class=\"name\" x=\"4\" y=\"28.0\"><title>2c9eb2c5544cbf6101544f0635672b60</title>create server  web-01  192.0.2.11</text>"))
        #expect(page.contains("<tr><td><code>2c9eb2c5544cbf6101544f0635672b60</code> create server  web-01  192.0.2.11</td><td>SUCCESS</td>"))
        #expect(MarkdownReport.text(Self.report()).contains("| `2c9eb2c5544cbf6101544f0635672b60` create server  web-01  192.0.2.11 | SUCCESS | 3m34s |"))
    }

    @Test func eachChartHasALegend() {
        let page = HTMLReport.page(Self.report())
        let legends = page.components(separatedBy: "<p class=\"legend\">").count - 1
        #expect(legends == 2)
        for meaning in ["succeeded", "failed", "running", "waiting (not started)", "other status", "straggler (past the p90)"] {
            #expect(page.contains("</svg>\(meaning)</span>") || page.contains("</code> \(meaning)</span>"), "\(meaning)")
        }
        #expect(page.contains("<svg class=\"swatch fail\" width=\"10\" height=\"10\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"\(HTMLReport.failColor)\"/>"))
    }

    /// Names, reasons and places come from servers and config: none can open a tag.
    @Test func everythingFromTheServerIsEscaped() {
        var state = Fixtures.failedBatch
        state.entry.profile = "p<b>"
        state.entry.label = "<script>alert(1)</script>"
        var job = state.job!
        job.entities.subJobs[1].entities.errorMessage = ErrorcodeMessage(raw: "", message: "\"><img src=x onerror=alert(1)>")
        state.job = job
        state.resources["bae51750-0089-41a1-9b18-5c777978ff6d"] = Resource(kind: .server, id: "bae51750-0089-41a1-9b18-5c777978ff6d", name: "web'<i>")
        let page = HTMLReport.page(RolloutReport([state], now: Fixtures.now, zone: Self.utc))
        #expect(!page.contains("<script") && !page.contains("<img") && !page.contains("<i>") && !page.contains("<b>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(page.contains("profile <code>p&lt;b&gt;</code>"))
        #expect(page.contains("web&#39;&lt;i&gt;"))
    }

    /// The headline says a running rollout has already lost sub-jobs.
    @Test func theVerdictCountsFailedSubJobsOfARunningRollout() {
        let report = RolloutReport(Fixtures.snapshot([Fixtures.runningBatch]).jobs, now: Fixtures.now, zone: Self.utc)
        #expect(report.verdict.headline == "1 of 1 job not finished")
        var running = Fixtures.runningBatch
        var job = running.job!
        job.entities.subJobs[0] = Fixtures.sub("4d1e0000aaaabbbbccccddddeeee1001", .fail, begin: 61, end: 120, reason: "No stock")
        running.job = job
        let lost = RolloutReport(Fixtures.snapshot([running, Fixtures.failedBatch]).jobs, now: Fixtures.now, zone: Self.utc)
        #expect(lost.verdict.headline == "1 of 2 jobs failed, 1 not finished")
        let onlyRunning = RolloutReport(Fixtures.snapshot([running]).jobs, now: Fixtures.now, zone: Self.utc)
        #expect(onlyRunning.verdict.headline == "1 of 1 job not finished — 1 sub-job failed")
        #expect(HTMLReport.page(onlyRunning).contains("<p class=\"verdict running\">▶ 1 of 1 job not finished — 1 sub-job failed</p>"))
    }

    /// A 30-second batch: its axis labels are all different and the start has its seconds.
    @Test func aShortBatchHasDistinctTicks() {
        let bars = (1...3).map { ReportTests.bar($0, .success, seconds: 10 * Double($0)) }
        let timeline = Timeline(title: "quick", bars: bars, now: Fixtures.now)
        #expect(timeline.span == 30)
        let svg = HTMLTimelineChart.svg(timeline, zone: Self.utc)
        let labels = svg.matches(of: /<text class="axis"[^>]*>([^<]*)<\/text>/).map { String($0.1) }
        #expect(labels.count >= 3)
        #expect(Set(labels).count == labels.count, "\(labels)")
        #expect(labels.first == "20:04:34")
    }
}
