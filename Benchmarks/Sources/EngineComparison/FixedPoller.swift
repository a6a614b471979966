import Foundation
import JobModel
import JobAPI
import JobEngine
import JobSimulator

/// What `watch curl` or Terraform's wait loop does: each job, from when it is created until it
/// is SUCCESS or FAIL, every 10 seconds, no matter what it is doing. The baseline the engine
/// must beat.
actor FixedPoller {
    let jobs: [SimulatedJob]
    let interval: Duration
    let rig: VirtualRig
    private(set) var latest: [String: Job] = [:]
    private(set) var inFlight = 0
    /// When each job is asked next, scenario time.
    private var due: [String: Duration] = [:]

    /// - Parameter handedOver: when each job is given to the poller (`Handover`).
    init(jobs: [SimulatedJob], handedOver: [String: Double], interval: Duration, rig: VirtualRig) {
        self.jobs = jobs
        self.interval = interval
        self.rig = rig
        for job in jobs { due[job.id] = .seconds(handedOver[job.id] ?? 0) }
    }

    /// Polls every job that is due, sleeps until the next is, again, until cancelled.
    func run() async {
        while !Task.isCancelled {
            let now = rig.clock.elapsed
            let ready = jobs.filter { job in due[job.id].map { $0 <= now } ?? false }
            inFlight += ready.count
            await withTaskGroup(of: (String, Job?).self) { group in
                for job in ready {
                    let rig = self.rig
                    group.addTask {
                        let target = JobTarget(service: job.service, endpoint: rig.profile.endpoint(for: job.service),
                                               projectID: rig.profile.owner(of: job.service), jobID: job.id)
                        let answer = try? await rig.client.fetch(target, credential: rig.profile.credential, now: rig.clock.date).job
                        return (job.id, answer)
                    }
                }
                for await (id, job) in group {
                    inFlight -= 1
                    if let job { latest[id] = job }
                    due[id] = job?.status.isTerminal == true ? nil : now + interval
                }
            }
            guard let next = due.values.min() else { return }
            do { try await rig.clock.sleep(untilElapsed: next) } catch { return }
        }
    }
}
