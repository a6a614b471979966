import JobModel

/// The rollout's jobs of the other services, one per body shape of docs/api/SERVICES.md. Timings are
/// scenario seconds; the demo opens five minutes in, so every job that fails does so after
/// that (a one-shot `get --demo` still sees nothing failed at the top level).
extension Scenario {
    /// ECS `createServer` of 4 servers (docs/api/SERVICES.md §1): one server is built but fails on the
    /// EIP quota, so the batch ends FAIL after about 6 minutes.
    static func ecsCreateWithQuotaFailure(_ random: inout SeededRandom) -> JobPlan {
        let id = random.jobID()
        let createdAt = 60.0, initFor = 10.0
        let subJobs = (0..<4).map { index -> JobPlan in
            let fails = index == 2
            return JobPlan(
                service: .ecs, id: random.jobID(), type: "createSingleServer",
                createdAt: createdAt + initFor, initFor: Double(index) * 5,
                runFor: fails ? 240 : random.seconds(300...420),
                outcome: fails
                    ? .fail(errorCode: "Ecs.0204", failReason: "Failed to create the server's EIP: quota exceeded", errorcodeMessage: FailureMessages.eipQuota)
                    : .success,
                attributes: [.init("server_id", .string(random.uuid()))]
            )
        }
        return .batch(
            service: .ecs, id: id, type: "createServer", createdAt: createdAt, initFor: initFor, subJobs: subJobs,
            failure: .fail(errorCode: "Ecs.0204", failReason: "1 of 4 servers failed: see entities.sub_jobs", errorcodeMessage: nil)
        )
    }

    /// EVS `batchCreateVolume` of 3 volumes (§2): no `sub_jobs_total`, each child carries the
    /// volume's name, size (GB) and type; done within a minute and a half.
    static func evsBatchCreate(_ random: inout SeededRandom) -> JobPlan {
        let id = random.jobID()
        let volumes: [(size: Int, type: String)] = [(100, "GPSSD"), (100, "GPSSD"), (500, "SSD")]
        let subJobs = volumes.enumerated().map { index, volume in
            JobPlan(
                service: .evs, id: random.jobID(), type: "createVolume", createdAt: 23, initFor: Double(index) * 2,
                runFor: random.seconds(20...45), outcome: .success,
                attributes: [
                    .init("volume_id", .string(random.uuid())),
                    .init("name", .string("data-disk-0\(index + 1)")),
                    .init("size", .int(volume.size)),
                    .init("volume_type", .string(volume.type)),
                ]
            )
        }
        return .batch(service: .evs, id: id, type: "batchCreateVolume", createdAt: 20, initFor: 3, subJobs: subJobs, failure: .success)
    }

    /// IMS image from a server (§3), begun 2 minutes before the morning and taking 10: its
    /// times in IMS's own format, its `process_percent` a fraction that grows.
    static func imsImageFromServer(_ random: inout SeededRandom) -> JobPlan {
        JobPlan(
            service: .ims, id: random.jobID(), type: "imsCreateImageByInstance", createdAt: -120, initFor: 8, runFor: 600,
            outcome: .success,
            attributes: [.init("image_id", .string(random.uuid())), .init("image_name", .string("web-golden-2026-05"))],
            currentTask: "CreateImageByInstanceTask"
        )
    }

    /// EIP `createBatchPublicip` of 3 addresses on the VPC endpoint (§4): sub-jobs of the same
    /// type as the main job, no `sub_jobs_total`; done in under 20 seconds.
    static func eipBatchCreate(_ random: inout SeededRandom) -> JobPlan {
        let id = random.jobID()
        let subJobs = (0..<3).map { index in
            JobPlan(
                service: .vpc, id: random.jobID(), type: "createBatchPublicip", createdAt: 47, initFor: Double(index),
                runFor: random.seconds(4...10), outcome: .success,
                attributes: [.init("publicip_id", .string(random.uuid()))]
            )
        }
        return .batch(service: .vpc, id: id, type: "createBatchPublicip", createdAt: 45, initFor: 2, subJobs: subJobs, failure: .success)
    }

    /// The CCE cluster every CCE job of the morning belongs to.
    private static let clusterName = "prod-cce"
    /// Drawn from its own seed, so the jobs' own draws do not depend on it.
    private static let clusterUID: String = {
        var own = SeededRandom(seed: 0x4343_455F_434C)
        return own.uuid()
    }()

    /// CCE `CreateCluster` (§5), begun a minute before the morning: `CreatePSMCert` takes
    /// half a minute, `InstallMaster` 8 minutes; it succeeds. Sub-jobs exist from the start,
    /// as in CCE's own example, each `Initializing` until it runs.
    static func cceCreateCluster(_ random: inout SeededRandom) -> JobPlan {
        let id = random.uuid()
        let cluster = clusterUID
        let createdAt = -60.0
        let master = random.uuid()
        let installMaster = JobPlan(
            service: .cce, id: random.uuid(), type: "InstallMaster", createdAt: createdAt, initFor: 35, runFor: 480,
            outcome: .success,
            attributes: [.init("clusterUID", .string(cluster)), .init("resourceID", .string(master)), .init("extendParam", .object([.init("serverID", .string(master))]))]
        )
        let certificates = JobPlan(
            service: .cce, id: random.uuid(), type: "CreatePSMCert", createdAt: createdAt, initFor: 5, runFor: 25,
            outcome: .success, attributes: [.init("clusterUID", .string(cluster))]
        )
        return .batch(
            service: .cce, id: id, type: "CreateCluster", createdAt: createdAt, initFor: 5,
            attributes: [
                .init("clusterUID", .string(cluster)), .init("resourceID", .string(cluster)),
                .init("resourceName", .string(clusterName)), .init("extendParam", .object([.init("serverID", .string(master))])),
            ],
            subJobs: [installMaster, certificates], failure: .success
        )
    }

    /// CCE `CreateNode` of 2 nodes, 4 minutes in: per node a `CreateNode` whose `InstallNode`
    /// runs after the server is up. The second node's install fails on the subnet, so it and
    /// the whole job end `Failed` with that reason, about 4 minutes later.
    static func cceCreateNodesFailing(_ random: inout SeededRandom) -> JobPlan {
        let id = random.uuid()
        let cluster = clusterUID
        let createdAt = 240.0
        let failure = JobPlan.Outcome.fail(errorCode: nil, failReason: FailureMessages.nodeInstall, errorcodeMessage: nil)
        let nodes = (0..<2).map { index -> JobPlan in
            let node = random.uuid(), server = random.uuid()
            let fails = index == 1
            let spec: [OrderedJSON.Member] = [
                .init("clusterUID", .string(cluster)), .init("resourceID", .string(node)),
                .init("resourceName", .string("\(clusterName)-node-0\(index + 1)")),
                .init("extendParam", .object([.init("serverID", .string(server))])),
            ]
            let startsAfter = 5 + Double(index) * 3
            let install = JobPlan(
                service: .cce, id: random.uuid(), type: "InstallNode", createdAt: createdAt, initFor: startsAfter + 90,
                runFor: fails ? 120 : 150, outcome: fails ? failure : .success, attributes: spec
            )
            return .batch(
                service: .cce, id: random.uuid(), type: "CreateNode", createdAt: createdAt, initFor: startsAfter,
                attributes: spec, subJobs: [install], failure: failure
            )
        }
        return .batch(
            service: .cce, id: id, type: "CreateNode", createdAt: createdAt, initFor: 5,
            attributes: [.init("clusterUID", .string(cluster)), .init("resourceName", .string(clusterName))],
            subJobs: nodes, failure: failure
        )
    }
}
