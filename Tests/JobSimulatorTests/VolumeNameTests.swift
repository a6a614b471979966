import Foundation
import JobModel
import Testing
@testable import JobSimulator

/// A volume its EVS job names is listed under that name: one name per volume everywhere.
struct VolumeNameTests {
    @Test("the EVS batch's volumes are data-disk-0N in the job and in the volume lookups")
    func sameNameInJobAndList() throws {
        let simulator = JobSimulator(options: SimulatorOptions(scenario: .rollout))
        let batch = try #require(simulator.scenario.jobs.first { $0.service == .evs })
        #expect(batch.subJobs.count == 3)
        for job in batch.subJobs {
            guard case .string(let id)? = job.attributes.first(where: { $0.key == "volume_id" })?.value,
                  case .string(let name)? = job.attributes.first(where: { $0.key == "name" })?.value else {
                Issue.record("an EVS sub-job without volume_id and name")
                continue
            }
            #expect(name.hasPrefix("data-disk-"))
            #expect(simulator.resources.first { $0.id == id }?.name == name)
        }
    }

    @Test("volumes no job names keep the catalog's data-a … names")
    func unnamedVolumes() {
        let simulator = JobSimulator(options: SimulatorOptions(scenario: .rollout))
        let volumes = simulator.resources.filter { $0.api == .evsVolumes }
        #expect(volumes.contains { $0.name == "data-a" })
        #expect(Set(volumes.map(\.name)).count == volumes.count, "no two volumes share a name")
    }
}
