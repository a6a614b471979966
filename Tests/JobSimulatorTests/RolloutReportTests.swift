import Foundation
import JobModel
import JobAPI
import JobUI
import Testing
@testable import JobSimulator

/// The report on the simulator's rollout: its big batch read through the real client.
struct RolloutReportTests {
    static func state(_ job: Job, service: Service = .bms) -> JobState {
        let id = job.id ?? "-"
        return JobState(
            entry: WatchEntry(profile: "sim", jobID: id, service: service),
            key: JobKey(service: service, endpoint: "127.0.0.1", projectID: SimulatorHarness.projectID, jobID: id), job: job, health: .fresh)
    }

    @Test func theBatchCreateAfterFifteenMinutes() async throws {
        try await SimulatorHarness.with(RolloutScenarioTests.rollout) { h in
            let ids = h.simulator.topLevelJobIDs
            h.clock.advance(by: 15 * 60 + 10)
            let create = try await h.fetch(ids[0])
            let power = try await h.fetch(ids[1])
            let report = RolloutReport([Self.state(create), Self.state(power)], now: h.clock.now)
            let batch = report.jobs[0]
            #expect(batch.outcome == "failed")
            #expect(batch.subJobs?.total == 24 && batch.subJobs?.done == 24 && batch.subJobs?.failed == 3)
            // The three kinds of errorcode_message: three reasons, one server each.
            #expect(batch.failures.count == 3)
            #expect(batch.failures.allSatisfy { $0.count == 1 && $0.subJobs.count == 1 })
            #expect(batch.failures.contains { $0.reason.hasPrefix("Quota exceeded for instances") })
            #expect(batch.failures.contains { $0.code == "BMS.0213" })
            let failedIDs = Set(create.subJobs.filter { $0.status == .fail }.compactMap(\.id))
            #expect(Set(batch.failures.flatMap(\.subJobs).map(\.id)) == failedIDs)
            // Successes take 4–12 minutes, failures 1–3: p50 among the successes, max one of them.
            let p = try #require(batch.percentiles)
            #expect(p.count == 24)
            #expect((240...720).contains(p.p50))
            #expect(p.p50 <= p.p90 && p.p90 <= p.max)
            let durations = create.subJobs.compactMap { $0.elapsed(now: h.clock.now) }.sorted()
            #expect(p.max == durations.last)
            #expect(batch.slowest.count == RolloutReport.slowestCount)
            #expect(batch.slowest.first?.seconds == durations.last)
            #expect(batch.stragglers == durations.count { $0 > p.p90 })
            // The power-on batch: all fine, nothing to group.
            #expect(report.jobs[1].failures.isEmpty)
            #expect(report.jobs[1].subJobs?.done == 8)

            let markdown = MarkdownReport.lines(report)
            #expect(markdown.contains("### Failures by reason"))
            #expect(markdown.filter { $0.hasPrefix("- **") }.count == 3)
            #expect(markdown.count < 150)
        }
    }
}
