import Foundation
import JobModel
import JobAPI
@testable import JobSimulator
import Testing

/// The `soak` scenario: any 32-hex-digit ID is a job that starts when first asked for and
/// finishes on its own, the same way for the same ID.
@Suite struct SoakScenarioTests {
    @Test func anyHexIDIsAJobThatFinishes() async throws {
        try await SimulatorHarness.with(SimulatorOptions(scenario: .soak)) { h in
            let ids = (0..<20).map { index in String(format: "%032x", 0xABCDEF + index * 7919) }
            for id in ids {
                let job = try await h.fetch(id)
                #expect(job.status == .initial, "\(id) starts in INIT")
                #expect(job.id == id)
            }
            h.clock.advance(by: 20 * 60)  // past the longest: 10 s INIT, 15 min running, 8 sub-jobs
            var outcomes: [JobStatus] = []
            for id in ids {
                let job = try await h.fetch(id)
                #expect(job.status.isTerminal, "\(id) is \(job.status)")
                #expect(job.endTime != nil && job.beginTime != nil)
                outcomes.append(job.status)
            }
            #expect(outcomes.contains(.success))
            #expect(h.simulator.scenario.topLevelJobs.isEmpty)
        }
    }

    @Test func otherIDsAreNotFound() async throws {
        try await SimulatorHarness.with(SimulatorOptions(scenario: .soak)) { h in
            for id in ["not-a-hex-id", String(repeating: "a", count: 31), String(repeating: "g", count: 32)] {
                let error = await h.fetchError(id)
                #expect(error?.httpStatus == 404, "\(id): \(String(describing: error))")
            }
        }
    }

    @Test func aJobFollowsFromItsIDAlone() {
        let id = "0123456789abcdef0123456789abcdef"
        #expect(SyntheticJobs.plan(for: id, createdAt: 5) == SyntheticJobs.plan(for: id, createdAt: 5))
        #expect(SyntheticJobs.plan(for: id.uppercased(), createdAt: 5).endsAt == SyntheticJobs.plan(for: id, createdAt: 5).endsAt)
        let batches = (0..<200).map { SyntheticJobs.plan(for: String(format: "%032x", $0 * 104_729), createdAt: 0) }.filter(\.isBatch)
        #expect(batches.count > 20 && batches.count < 90, "about one in four is a batch: \(batches.count) of 200")
        #expect(batches.allSatisfy { (2...8).contains($0.subJobs.count) })
    }
}
