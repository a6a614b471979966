import JobModel
extension Scenario {
    /// Three rollouts two hours apart, each the `rollout`'s jobs drawn anew: what a day of an
    /// operator's jobs looks like to the engine (it learns durations from the first, and the
    /// idle hours between must cost next to nothing).
    static func day(seed: UInt64? = nil) -> Scenario {
        var random = SeededRandom(seed: 0x4441_59 &+ (seed ?? 0))
        let starts: [Double] = [0, 2 * 3600, 4 * 3600]
        let jobs = starts.flatMap { start in rolloutJobs(&random).map { $0.shifted(by: start) } }
        return Scenario(name: .day, jobs: jobs)
    }

    /// One bare-metal batch of 1,500 servers: they leave INIT one every 0.8 s (20 minutes in
    /// all) and take 4–12 minutes; 30 of them fail within 1–3 minutes (quota, stock).
    static func bigBatch(seed: UInt64? = nil) -> Scenario {
        var random = SeededRandom(seed: 0x4249_4742_4154_4348 &+ (seed ?? 0))
        let initFor = 20.0
        let subJobs = (0..<1500).map { index -> JobPlan in
            let fails = index % 50 == 17
            return JobPlan(
                id: random.jobID(), type: "baremetalSingleCreate",
                createdAt: initFor, initFor: Double(index) * 0.8,
                runFor: fails ? random.seconds(60...180) : random.seconds(240...720),
                outcome: fails ? .fail(errorCode: "BMS.0213", failReason: "create bare metal server failed", errorcodeMessage: FailureMessages.noStock) : .success,
                attributes: [.init("server_id", .string(random.uuid()))]
            )
        }
        return Scenario(name: .bigbatch, jobs: [
            .batch(
                id: random.jobID(), type: "baremetalBatchCreate", createdAt: 0, initFor: initFor, subJobs: subJobs,
                failure: .fail(errorCode: nil, failReason: "30 of 1500 sub-jobs failed: see entities.sub_jobs", errorcodeMessage: nil)
            ),
        ])
    }
}

extension JobPlan {
    /// The same job created `offset` seconds later, its sub-jobs with it.
    func shifted(by offset: Double) -> JobPlan {
        var copy = self
        copy.createdAt += offset
        copy.subJobs = subJobs.map { $0.shifted(by: offset) }
        return copy
    }
}
