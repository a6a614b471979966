import Foundation
import Testing
import JobModel
@testable import JobAPI

/// Every verbatim example body of docs/api/SERVICES.md (`Fixtures/*.json`), read into the one job model.
struct ServiceExampleTests {
    static func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }

    static func decode(_ name: String, _ service: Service) throws -> Job {
        try Job.decode(try fixture(name), service: service)
    }

    static func date(_ iso: String) -> Date {
        try! Date(iso, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// A whole-second ISO time plus a fraction, as exact as the parser builds it.
    static func date(_ isoSeconds: String, plus fraction: Double) -> Date {
        let whole = try! Date(isoSeconds, strategy: Date.ISO8601FormatStyle())
        return Date(timeIntervalSince1970: whole.timeIntervalSince1970 + fraction)
    }

    static func attributes(_ pairs: KeyValuePairs<String, String>) -> [EntityAttribute] {
        pairs.map { EntityAttribute(key: $0.key, value: $0.value) }
    }

    // MARK: - ECS

    @Test func ecsDocumentedSuccess() throws {
        let job = try Self.decode("ecs-job-success", .ecs)
        #expect(job.id == "2c9eb2c5544cbf6101544f0602af2b4f")
        #expect(job.type == "createServer")
        #expect(job.status.word == "SUCCESS")
        #expect(job.status.outcome == .success)
        #expect(job.beginTime == Self.date("2016-04-25T20:04:34.604Z"))
        #expect(job.endTime == Self.date("2016-04-25T20:08:41.593Z"))
        #expect(job.errorCode == nil && job.failReason == nil)
        #expect(job.entities.subJobsTotal == 1)
        #expect(job.entities.attributes.isEmpty)
        #expect(job.entities.progress == nil)
        #expect(job.subJobs.count == 1)
        let sub = try #require(job.subJobs.first)
        #expect(sub.id == "2c9eb2c5544cbf6101544f0635672b60")
        #expect(sub.type == "createSingleServer")
        #expect(sub.status.word == "SUCCESS" && sub.status.outcome == .success)
        #expect(sub.beginTime == Self.date("2016-04-25T20:04:47.591Z"))
        #expect(sub.endTime == Self.date("2016-04-25T20:08:21.328Z"))
        #expect(sub.entities.attributes == Self.attributes(["server_id": "bae51750-0089-41a1-9b18-5c777978ff6d"]))
        #expect(sub.subJobs.isEmpty)
    }

    @Test func ecsObservedRunning() throws {
        let job = try Self.decode("ecs-job-running-observed", .ecs)
        #expect(job.id == "ff8080827e7810fb017f06338a731328")
        #expect(job.type == "createServer")
        #expect(job.status.word == "RUNNING" && job.status.outcome == .running)
        #expect(job.beginTime == Self.date("2022-02-17T05:41:55.441Z"))
        #expect(job.endTime == nil)
        #expect(job.entities.subJobsTotal == 1)
        let sub = try #require(job.subJobs.first)
        #expect(job.subJobs.count == 1)
        #expect(sub.id == "ff8080827e7810fb017f06338ae3132c")
        #expect(sub.type == "createSingleServer")
        #expect(sub.status.word == "RUNNING" && sub.status.outcome == .running)
        #expect(sub.beginTime == Self.date("2022-02-17T05:41:55.554Z"))
        #expect(sub.endTime == nil)
        #expect(sub.entities["server_id"] == "1c74e090-c569-4b52-9eaa-fd34776cec28")
    }

    // MARK: - EVS

    @Test func evsSingleRunning() throws {
        let job = try Self.decode("evs-job-running", .evs)
        #expect(job.id == "4010a32d535527910153552b492c0002")
        #expect(job.type == "createVolume")
        #expect(job.status.word == "RUNNING" && job.status.outcome == .running)
        #expect(job.beginTime == Self.date("2016-03-08T07:40:13.219Z"))
        #expect(job.endTime == nil)
        #expect(job.subJobs.isEmpty)
        #expect(job.entities.subJobsTotal == nil)
        #expect(job.entities.attributes == Self.attributes(["volume_id": "bdf1bb37-f20f-4266-9a04-f43e0a127376"]))
    }

    @Test func evsBatchSuccess() throws {
        let job = try Self.decode("evs-job-batch-success", .evs)
        #expect(job.id == "21917a8d52a19b040152a9f2f1eb003e")
        #expect(job.type == "batchCreateVolume")
        #expect(job.status.word == "SUCCESS" && job.status.outcome == .success)
        #expect(job.beginTime == Self.date("2016-02-04T01:43:37.193Z"))
        #expect(job.endTime == Self.date("2016-02-04T01:44:08.283Z"))
        #expect(job.entities.subJobsTotal == nil, "EVS has no sub_jobs_total")
        #expect(job.entities.attributes.isEmpty)
        #expect(job.subJobs.map(\.id) == ["21917a8d52a19b040152a9f2f2e50041", "21917a8d52a19b040152a9f2f2f60042"])
        #expect(job.subJobs.allSatisfy { $0.type == "createVolume" && $0.status.word == "SUCCESS" && $0.status.outcome == .success })
        #expect(job.subJobs.map { $0.entities["volume_id"] } == ["0b549095-4937-4849-8e4c-52aa027d64f7", "e7bca1a2-d3ed-434f-86f4-a1f11aa80072"])
        #expect(job.subJobs.map(\.beginTime) == [Self.date("2016-02-04T01:43:37.445Z"), Self.date("2016-02-04T01:43:37.462Z")])
        #expect(job.subJobs.map(\.endTime) == [Self.date("2016-02-04T01:44:02.239Z"), Self.date("2016-02-04T01:44:02.245Z")])
    }

    @Test func evsDeleteFromACloudTrace() throws {
        let job = try Self.decode("evs-job-delete-cts", .evs)
        #expect(job.id == "defe9cf7b5ca4566860edbebb181e17a")
        #expect(job.type == "deleteVolume")
        #expect(job.status.word == "SUCCESS" && job.status.outcome == .success)
        #expect(job.beginTime == Self.date("2024-06-19T06:32:53.018Z"))
        #expect(job.endTime == Self.date("2024-06-19T06:32:58.411Z"))
        #expect(job.entities.attributes == Self.attributes([
            "volume_id": "bc661a99-3088-4e86-899f-fb4f46c2bb71", "name": "volume-d64d", "size": "10", "volume_type": "GPSSD",
        ]))
    }

    // MARK: - IMS

    @Test func imsShowJob() throws {
        let job = try Self.decode("ims-showjob", .ims)
        #expect(job.id == "ff8080814dbd65d7014dbe0d84db0013")
        #expect(job.type == "createImageByInstance")
        #expect(job.status.word == "SUCCESS" && job.status.outcome == .success)
        #expect(job.beginTime == Self.date("2015-06-04T18:11:06Z", plus: 0.586))
        #expect(job.endTime == nil)
        // Kept as sent, though the example says SUCCESS at 20 %.
        #expect(job.entities.progress == 0.20)
        #expect(job.entities.attributes == Self.attributes([
            "image_id": "e9e91bff-14b6-4a0b-8377-4ed0813e3360",
            "image_name": "asdfasdfasdfas",
            "current_task": "CreateImageByInstanceTask",
            "results": #"[{"image_id":"49e9447f-7dff-41e0-8036-f66fe5488c8b","project_id":"089b2f9a3d80d3062f24c00ca4ed5cbd","status":"success"}]"#,
        ]))
        #expect(job.subJobs.isEmpty)
    }

    @Test func imsShowJobProgress() throws {
        let job = try Self.decode("ims-showjobprogress", .ims)
        #expect(job.id == "ff80808280c204e30180d2784c3c0d86")
        #expect(job.type == "imsCopyImageInRegionJob")
        #expect(job.status.word == "RUNNING" && job.status.outcome == .running)
        #expect(job.beginTime == Self.date("2022-05-17T14:42:20.859Z"))
        #expect(job.endTime == nil)
        #expect(job.entities.progress == 0.40)
        #expect(job.entities.attributes == Self.attributes([
            "image_id": "498cc67e-7795-482c-8c47-32bcece2d7ec",
            "image_name": "d0d2e701-dfc4-4520-9247-f92907f38eb0",
            "current_task": "CopyImageInRegionTask:",
            "subJobId": "ff80808280ca6cd30180d278b9db0221",
        ]))
    }

    // MARK: - EIP

    @Test func eipBatchCreate() throws {
        let job = try Self.decode("eip-job", .vpc)
        #expect(job.id == "ff808082843684110184e155fdb36461")
        #expect(job.type == "createBatchPublicip")
        #expect(job.status.word == "SUCCESS" && job.status.outcome == .success)
        #expect(job.beginTime == Self.date("2022-12-05T08:10:19.951Z"))
        #expect(job.endTime == Self.date("2022-12-05T08:10:21.864Z"))
        #expect(job.subJobs.isEmpty)
        #expect(job.entities.attributes.isEmpty, "an empty sub_jobs list is not an attribute")
    }

    // MARK: - CCE

    @Test func cceCreateCluster() throws {
        let job = try Self.decode("cce-job", .cce)
        #expect(job.id == "354331b2c-229a-11e8-9c75-0255ac100ceb")
        #expect(job.type == "CreateCluster")
        #expect(job.status.word == "Running" && job.status.outcome == .running)
        #expect(job.beginTime == Self.date("2018-08-02T08:12:40Z", plus: 0.672772389))
        #expect(job.endTime == nil, "a running job's last update is not its end")
        #expect(job.failReason == nil, "an empty reason is none")
        #expect(job.entities.attributes == Self.attributes([
            "resource_name": "cluster-name", "resource_id": "6f4dcb2c-229a-11e8-9c75-0255ac100ceb",
            "cluster_id": "4d1ecb2c-229a-11e8-9c75-0255ac100ceb", "serverID": "bc467e3a-2338-11e8-825b-0255ac100c13",
        ]))
        #expect(job.subJobs.count == 2)
        let install = try #require(job.subJobs.first)
        #expect(install.id == "fd474fab-9606-11e8-baa9-0255ac10215d")
        #expect(install.type == "InstallMaster")
        #expect(install.status.word == "Success" && install.status.outcome == .success)
        #expect(install.beginTime == Self.date("2018-08-02T03:52:34Z", plus: 0.615819618))
        #expect(install.endTime == Self.date("2018-08-02T04:05:29Z", plus: 0.196243031))
        #expect(install.entities.attributes == Self.attributes([
            "resource_id": "fd3b4ac0-9606-11e8-baa8-0255ac10215d", "cluster_id": "fcc72de0-9606-11e8-baa8-0255ac10215d",
            "serverID": "fd3b4ac0-9606-11e8-baa8-0255ac10215d",
        ]))
        let cert = try #require(job.subJobs.last)
        #expect(cert.id == "fd474f82-9606-11e8-baa8-0255ac10215d")
        #expect(cert.type == "CreatePSMCert")
        #expect(cert.status.outcome == .success)
        #expect(cert.beginTime == Self.date("2018-08-02T03:52:33Z", plus: 0.859150791))
        #expect(cert.endTime == Self.date("2018-08-02T03:52:34Z", plus: 0.615655429))
        #expect(cert.entities.attributes == Self.attributes(["cluster_id": "fcc72de0-9606-11e8-baa8-0255ac10215d"]))
        #expect(job.subJobs.allSatisfy { $0.subJobs.isEmpty })
    }
}
