import BenchFixtures
import Foundation
import JobAPI
import JobModel
import JobEngine

/// The state of issue #29: 20 finished batches of 1,500 servers (a week of large rollouts) and
/// one batch still moving, with a full event log. The same value goes to the database and to
/// the JSON anchor.
struct StateFixture {
    static let batches = 20
    static let subJobs = 1_500
    static let profile = "prod"
    static let endpoint = "bms.cn-north-4.myhuaweicloud.com:443"
    static let projectID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
    /// Who read the answer (`JobRoute.shareKey`: a credential's fingerprint at the endpoint).
    static let readBy = "AK HPUA7Q3X2M8KZ0LD9WQE#5f2c8a1e at \(endpoint)"

    var keys: [JobKey] = []
    var jobs: [Job] = []
    var readAt: Date
    var events: [Transition] = []
    /// Sub-jobs of the moving batch (the last one) still running: each change ends one.
    var running: [Int] = []

    init(now: Date) throws {
        readAt = now
        for index in 0...Self.batches {
            // The bench body's shape: ISO times, server and NIC IDs, failures' messages.
            var job = try Job.decode(BatchBody.make(subJobs: Self.subJobs, seed: 0x5157_4154_4500 + UInt64(index)))
            let moving = index == Self.batches
            for position in job.entities.subJobs.indices where !job.entities.subJobs[position].status.isTerminal {
                if moving {
                    job.entities.subJobs[position].status = .running
                    running.append(position)
                } else {
                    job.entities.subJobs[position].status = .success
                    job.entities.subJobs[position].endTime = job.entities.subJobs[position].beginTime?.addingTimeInterval(420)
                }
            }
            if !moving {
                job.status = job.subJobs.contains { $0.status == .fail } ? .fail : .success
                job.endTime = job.subJobs.compactMap(\.endTime).max()
            }
            let key = JobKey(endpoint: Self.endpoint, projectID: Self.projectID, jobID: job.id ?? String(format: "%032x", index))
            keys.append(key)
            jobs.append(job)
        }
        // The log is full (EventLog.bound): a week of rollouts saw more changes than it keeps.
        for number in 0..<EventLog.bound {
            let job = number % Self.batches
            let sub = jobs[job].subJobs[number % Self.subJobs]
            events.append(Transition(
                at: now.addingTimeInterval(Double(number - EventLog.bound)), key: keys[job], profile: Self.profile,
                subJobID: sub.id, jobType: sub.type, from: .running, to: sub.status, reason: sub.failureReason
            ))
        }
    }

    var movingKey: JobKey { keys[Self.batches] }
    var movingJob: Job { jobs[Self.batches] }

    /// One poll's answer: a running sub-job of the moving batch ends. Returns its transition.
    mutating func endOneSubJob(at now: Date) -> Transition {
        let position = running.removeFirst()
        running.append(position)
        var sub = jobs[Self.batches].entities.subJobs[position]
        let from = sub.status
        // Back and forth once every sub-job has ended: each change is still one sub-job's.
        sub.status = from == .running ? .success : .running
        sub.endTime = sub.status == .success ? now : nil
        jobs[Self.batches].entities.subJobs[position] = sub
        readAt = now
        return Transition(at: now, key: movingKey, profile: Self.profile, subJobID: sub.id, jobType: sub.type, from: from, to: sub.status)
    }

    /// Every job's row: the first save.
    var everything: StateBatch {
        var batch = StateBatch()
        for (key, job) in zip(keys, jobs) {
            batch.jobs.append(StateBatch.JobRow(key: key, profile: Self.profile, label: nil, job: job, readAt: readAt, watched: true, readBy: Self.readBy))
        }
        batch.events = events
        return batch
    }

    /// What the engine saves after that poll (`Engine.takeBatch`): the job's row with its
    /// whole Job (`watched` only with an add), and the new event. Which sub-jobs changed is
    /// found inside `apply`.
    func change(_ event: Transition) -> StateBatch {
        var batch = StateBatch()
        batch.jobs = [StateBatch.JobRow(key: movingKey, profile: Self.profile, label: nil, job: movingJob, readAt: readAt, watched: nil, readBy: Self.readBy)]
        batch.events = [event]
        return batch
    }

    /// The same state as the JSON state file held it, bounded event log included.
    var file: StateFile {
        let saved = zip(keys, jobs).map { key, job in
            StateFile.SavedJob(profile: Self.profile, key: key, jobID: key.jobID, label: nil, job: job, readAt: readAt)
        }
        return StateFile(savedAt: readAt, jobs: saved, events: events)
    }
}
