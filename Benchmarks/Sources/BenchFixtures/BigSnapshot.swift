import Foundation
import JobModel
import JobAPI
import JobEngine

/// A snapshot holding one running batch of `subJobs` sub-jobs, as the engine would publish it.
public enum BigSnapshot {
    public static let now = Date(timeIntervalSince1970: 1_556_222_674 + 300)
    public static let key = JobKey(endpoint: "bms.cn-north-4.myhuaweicloud.com:443", projectID: "0a1b2c3d", jobID: "2c9eb2c5544cbf6101544f0602af2b4f")

    public static func subJobID(_ index: Int) -> String { String(format: "%032x", index) }

    /// Every 7th sub-job failed, every 3rd other one running, the rest done.
    public static func job(subJobs count: Int) -> Job {
        let t0 = now.addingTimeInterval(-300)
        var subs: [Job] = []
        subs.reserveCapacity(count)
        for i in 0..<count {
            let failed = i % 7 == 0
            let running = !failed && i % 3 == 0
            let status: JobStatus = failed ? .fail : (running ? .running : .success)
            subs.append(Job(
                id: subJobID(i), type: "baremetalSingleCreate", status: status,
                beginTime: t0.addingTimeInterval(Double(i % 100)),
                endTime: running ? nil : t0.addingTimeInterval(280),
                errorCode: failed ? "BMS.0102" : nil,
                entities: JobEntities(
                    attributes: [EntityAttribute(key: "server_id", value: "server-\(i)")],
                    errorMessage: failed ? ErrorcodeMessage(raw: "quota", code: "403", message: "Quota exceeded for instances (\(i))") : nil)))
        }
        return Job(id: key.jobID, type: "baremetalBatchCreate", status: .running, beginTime: t0,
                   entities: JobEntities(subJobsTotal: count, subJobs: subs))
    }

    public static func snapshot(of job: Job) -> Snapshot {
        var jobCounts = StatusCounts()
        var subCounts = StatusCounts()
        jobCounts.add(job.status)
        var state = JobState(entry: WatchEntry(profile: "prod", jobID: key.jobID, label: "rack 7 rollout"), key: key, job: job, readAt: now.addingTimeInterval(-3), health: .fresh)
        for sub in job.subJobs {
            subCounts.add(sub.status)
            if sub.status == .fail { state.failedSubJobs += 1 }
        }
        return Snapshot(takenAt: now, jobs: [state], jobCounts: jobCounts, subJobCounts: subCounts, eta: 240,
                        budgets: [BudgetUse(credential: "AK HPUA…", endpoint: key.endpoint, usedLastMinute: 12, limitPerMinute: 30)],
                        lastPollAt: now.addingTimeInterval(-3))
    }
}
