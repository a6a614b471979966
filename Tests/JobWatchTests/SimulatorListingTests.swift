import Foundation
import Testing

/// `jobwatch simulator` lists every job as `service/ID type (what…)`, so a script can tell
/// which path serves it; the rollout names every service.
@Suite struct SimulatorListingTests {
    @Test func theRolloutListingNamesEachJobsService() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let simulator = try await StandaloneSimulator.start(runner: runner, scenario: "rollout")
        defer { simulator.process.stop() }
        #expect(simulator.jobs.count == 16, "\(simulator.process.transcript)")
        #expect(Set(simulator.jobs.map(\.service)) == ["bms", "ecs", "evs", "ims", "vpc", "cce", "rds", "dcs", "elb", "order"], "\(simulator.process.transcript)")
        let ecs = try simulator.job(ofType: "createServer")
        #expect(ecs.service == "ecs")
        #expect(simulator.process.stdout.contains("ecs/\(ecs.id) createServer (create servers, 4 sub-jobs, created 1m from now)"), "\(simulator.process.transcript)")
        #expect(simulator.process.stdout.contains("baremetalBatchCreate (create servers, 24 sub-jobs)\n"), "a job that exists at once has no creation note")
        let node = try simulator.job(ofType: "CreateNode")
        #expect(node.service == "cce" && node.id.count == 36, "CCE's IDs are UUIDs")
        #expect(simulator.process.stdout.contains("cce/\(node.id)"), "the watch hint names it with its service")
        await simulator.stop()
    }
}
