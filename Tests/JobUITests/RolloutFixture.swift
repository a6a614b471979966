import Foundation
import JobModel
@testable import JobUI

/// A rollout half-way through, as a header sees it at its busiest: 56 sub-jobs in all (a
/// 54-server create with 10 done, 1 failed, 41 running and 2 waiting, beside the fixtures'
/// finished failed batch), an ETA with overdue servers, two credentials' budgets and a skewed
/// clock.
extension Fixtures {
    static let rolloutBatchID = "7e5c0000aaaabbbbccccddddeeee0054"
    /// What `jobwatch watch` names first for a real profile.
    static let rolloutContext = "prod · bms.cn-north-4.myhuaweicloud.com"

    static var rolloutBatch: JobState {
        let subs = (0..<54).map { index -> Job in
            let id = String(format: "7e5c0000aaaabbbbccccdddd%08d", index + 1)
            let begin = 13 + Double(index % 6)
            switch index {
            case 0..<10: return sub(id, .success, begin: begin, end: begin + 200 + Double(index * 7))
            case 10: return sub(id, .fail, begin: begin, end: begin + 95, reason: "Quota exceeded for instances")
            case 52, 53: return sub(id, .initial, begin: begin)
            default: return sub(id, .running, begin: begin)
            }
        }
        let job = Job(
            id: rolloutBatchID, type: "baremetalBatchCreate", status: .running, beginTime: t0,
            entities: JobEntities(subJobsTotal: subs.count, subJobs: subs))
        return JobState(entry: WatchEntry(profile: "prod", jobID: rolloutBatchID, label: "rack 12 rollout"), key: key(rolloutBatchID), job: job, readAt: now.addingTimeInterval(-2), health: .fresh)
    }

    static var rolloutSnapshot: Snapshot {
        var snapshot = snapshot([failedBatch, rolloutBatch])
        snapshot.eta = 760
        snapshot.overdue = 3
        snapshot.clockSkew = 360
        snapshot.budgets.append(BudgetUse(credential: "AK QXRB…", endpoint: "bms.cn-north-4.myhuaweicloud.com:443", usedLastMinute: 25, limitPerMinute: 30))
        return snapshot
    }
}
