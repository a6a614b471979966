import Foundation
import JobModel
import JobAPI
import Testing
@testable import JobSimulator

struct SmokeTests {
    @Test func servesAJobOverHTTP() async throws {
        try await SimulatorHarness.with { h in
            let id = h.simulator.topLevelJobIDs[0]
            let job = try await h.fetch(id)
            #expect(job.id == id)
            #expect(await h.simulator.requestCount(jobID: id) == 1)
        }
    }
}
