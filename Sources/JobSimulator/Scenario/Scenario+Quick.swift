import JobModel
extension Scenario {
    /// Three jobs, all done within 30 scenario seconds: an attach that succeeds, a power-on of
    /// two servers that succeeds, and a create of three servers where one fails on quota.
    static func quick() -> Scenario {
        var random = SeededRandom(seed: 0x5157_4943_4B00)
        let attach = JobPlan(
            id: random.jobID(), type: "baremetalAttachVolume", createdAt: 0, initFor: 2, runFor: 6,
            outcome: .success,
            attributes: [.init("server_id", .string(random.uuid())), .init("volume_id", .string(random.uuid()))]
        )
        let powerSubs = (0..<2).map { index in
            JobPlan(
                id: random.jobID(), type: "baremetalSingleOperate", createdAt: 2, initFor: Double(index) * 2, runFor: 8,
                outcome: .success, attributes: [.init("server_id", .string(random.uuid()))]
            )
        }
        let power = JobPlan.batch(
            id: random.jobID(), type: "baremetalBatchOperate", createdAt: 0, initFor: 2,
            subJobs: powerSubs, failure: .success
        )
        let createSubs = (0..<3).map { index in
            JobPlan(
                id: random.jobID(), type: "baremetalSingleCreate", createdAt: 3, initFor: Double(index) * 3,
                runFor: index == 1 ? 8 : 15,
                outcome: index == 1 ? .fail(errorCode: nil, failReason: "create server failed", errorcodeMessage: FailureMessages.quota) : .success,
                attributes: [.init("server_id", .string(random.uuid()))]
            )
        }
        let create = JobPlan.batch(
            id: random.jobID(), type: "baremetalBatchCreate", createdAt: 0, initFor: 3,
            subJobs: createSubs, failure: .fail(errorCode: nil, failReason: "1 of 3 sub-jobs failed", errorcodeMessage: nil)
        )
        return Scenario(name: .quick, jobs: [create, power, attach])
    }
}
