import JobModel
extension Scenario {
    /// "A real morning" of a rollout: the bare-metal jobs first, then the other services'
    /// (`Scenario+MixedMorning.swift`). Everything but the stuck reinstall and the job in an
    /// undocumented status is finished after about 15 scenario minutes, so `--speed 20` plays
    /// it in under a minute.
    static func rollout(seed: UInt64? = nil) -> Scenario {
        var random = SeededRandom(seed: seed.map { 0x524F_4C4C_4F55_54 &+ $0 } ?? 0x524F_4C4C_4F55_54)
        return Scenario(name: .rollout, jobs: rolloutJobs(&random))
    }

    /// The rollout's jobs, drawn from `random`.
    static func rolloutJobs(_ random: inout SeededRandom) -> [JobPlan] {
        [
            batchCreate(&random),
            powerOn(&random),
            attachVolume(&random),
            batchAttachVolumes(&random),
            stuckReinstall(&random),
            undocumentedStatus(&random),
            // Drawn after the bare-metal jobs, so their IDs stay as they were.
            ecsCreateWithQuotaFailure(&random),
            evsBatchCreate(&random),
            imsImageFromServer(&random),
            eipBatchCreate(&random),
            cceCreateCluster(&random),
            cceCreateNodesFailing(&random),
            rdsCreate(&random),
            dcsResize(&random),
            elbUpgrade(&random),
            prepaidOrder(&random),
        ]
    }

    /// 24 servers, created in a staggered way, each taking 4–12 minutes; 3 fail with the three
    /// kinds of `errorcode_message`, so the batch ends FAIL.
    private static func batchCreate(_ random: inout SeededRandom) -> JobPlan {
        let id = random.jobID()
        let initFor = 20.0
        let failures: [Int: (code: String?, message: String)] = [
            4: (nil, FailureMessages.quota),
            11: ("BMS.0213", FailureMessages.noStock),
            19: (nil, FailureMessages.plain),
        ]
        let subJobs = (0..<24).map { index -> JobPlan in
            let failure = failures[index]
            return JobPlan(
                id: random.jobID(), type: "baremetalSingleCreate",
                createdAt: initFor, initFor: Double(index) * 7,
                runFor: failure == nil ? random.seconds(240...720) : random.seconds(60...180),
                outcome: failure.map { .fail(errorCode: $0.code, failReason: "create bare metal server failed", errorcodeMessage: $0.message) } ?? .success,
                attributes: [.init("server_id", .string(random.uuid()))]
            )
        }
        return .batch(
            id: id, type: "baremetalBatchCreate", createdAt: 0, initFor: initFor, subJobs: subJobs,
            failure: .fail(errorCode: nil, failReason: "3 of 24 sub-jobs failed: see entities.sub_jobs", errorcodeMessage: nil)
        )
    }

    /// Power on 8 servers: all succeed within about two minutes.
    private static func powerOn(_ random: inout SeededRandom) -> JobPlan {
        let id = random.jobID()
        let subJobs = (0..<8).map { index in
            JobPlan(
                id: random.jobID(), type: "baremetalSingleOperate", createdAt: 10, initFor: Double(index) * 3,
                runFor: random.seconds(30...90), outcome: .success,
                attributes: [.init("server_id", .string(random.uuid()))]
            )
        }
        return .batch(id: id, type: "baremetalBatchOperate", createdAt: 0, initFor: 10, subJobs: subJobs, failure: .success)
    }

    /// A single job on one server: `server_id` and `volume_id`, no sub-jobs.
    private static func attachVolume(_ random: inout SeededRandom) -> JobPlan {
        JobPlan(
            id: random.jobID(), type: "baremetalAttachVolume", createdAt: 0, initFor: 5, runFor: 25,
            outcome: .success,
            attributes: [.init("server_id", .string(random.uuid())), .init("volume_id", .string(random.uuid()))]
        )
    }

    /// A batch whose sub-jobs' `entities` come as an array of one-key objects.
    private static func batchAttachVolumes(_ random: inout SeededRandom) -> JobPlan {
        let id = random.jobID()
        let subJobs = (0..<4).map { index in
            JobPlan(
                id: random.jobID(), type: "baremetalAttachSingleVolume", createdAt: 8, initFor: Double(index) * 5,
                runFor: random.seconds(20...60), outcome: .success,
                attributes: [.init("server_id", .string(random.uuid())), .init("volume_id", .string(random.uuid()))],
                entitiesAsArray: true
            )
        }
        return .batch(id: id, type: "baremetalBatchAttachVolume", createdAt: 0, initFor: 8, subJobs: subJobs, failure: .success)
    }

    /// Started 50 minutes before the simulator, and runs for 3 hours: the "stuck" one, far
    /// past the 20 minutes a reinstall usually takes.
    private static func stuckReinstall(_ random: inout SeededRandom) -> JobPlan {
        JobPlan(
            id: random.jobID(), type: "baremetalReinstallOs", createdAt: -50 * 60, initFor: 15, runFor: 3 * 3600,
            outcome: .success, attributes: [.init("server_id", .string(random.uuid()))]
        )
    }

    /// Runs for 90 seconds, then reports `ROLLBACKING`, which no document lists, forever.
    private static func undocumentedStatus(_ random: inout SeededRandom) -> JobPlan {
        JobPlan(
            id: random.jobID(), type: "baremetalChangeOsLocalDisk", createdAt: 0, initFor: 5, runFor: 90,
            outcome: .becomes("ROLLBACKING"), attributes: [.init("server_id", .string(random.uuid()))]
        )
    }
}
