import Foundation
import JobModel
import JobAPI
import JobEngine
import JobSimulator

/// What `watch curl` or Terraform's wait loop does: every job that is not yet SUCCESS or FAIL,
/// every 10 seconds, no matter what it is doing. The baseline the engine must beat.
actor FixedPoller {
    let jobIDs: [String]
    /// Each job's service: its path and dialect.
    let services: [String: Service]
    let interval: Duration
    let rig: VirtualRig
    private(set) var latest: [String: Job] = [:]
    private(set) var inFlight = 0
    private(set) var requests = 0

    init(jobs: [SimulatedJob], interval: Duration, rig: VirtualRig) {
        self.jobIDs = jobs.map(\.id)
        self.services = Dictionary(jobs.map { ($0.id, $0.service) }, uniquingKeysWith: { a, _ in a })
        self.interval = interval
        self.rig = rig
    }

    /// Polls every active job, sleeps `interval`, again, until cancelled.
    func run() async {
        while !Task.isCancelled {
            let active = jobIDs.filter { !(latest[$0]?.status.isTerminal ?? false) }
            inFlight += active.count
            await withTaskGroup(of: (String, Job?).self) { group in
                for id in active {
                    let rig = self.rig
                    let service = services[id] ?? .bms
                    group.addTask {
                        let target = JobTarget(service: service, endpoint: rig.profile.endpoint, projectID: rig.profile.projectID, jobID: id)
                        let job = try? await rig.client.fetch(target, credential: rig.profile.credential, now: rig.clock.date).job
                        return (id, job)
                    }
                }
                for await (id, job) in group {
                    requests += 1
                    inFlight -= 1
                    if let job { latest[id] = job }
                }
            }
            do { try await rig.clock.sleep(for: interval) } catch { return }
        }
    }
}
