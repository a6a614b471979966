import Foundation
import Testing
import JobModel
@testable import JobAPI

/// The verbatim bodies of ../shared/api/FAMILIES.md, read into the one job model: each family's
/// wrapper, keys, status words, time format and failure fields.
struct FamilyExampleTests {
    static func decode(_ body: String, _ service: Service) throws -> Job {
        try Job.decode(Data(body.utf8), service: service)
    }

    static func date(_ iso: String) -> Date {
        try! Date(iso, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// OTC-rds: a failed RDS create, offsets without a colon, `process` "", the instance named.
    @Test func rdsFailedCreate() throws {
        let job = try Self.decode("""
            {"job": {"id": "31b8ae23-c687-4d80-b7b4-42a66c9bb886", "name": "CreateMysqlSingleHAInstance", "status": "Failed",
             "created": "2018-08-06T10:41:14+0000", "ended": "2018-08-06T16:41:14+0000", "process": "",
             "instance": {"id": "a48e43ff268f4c0e879652d65e63d0fbin01", "name": "DO-NOT-TOUCH-mgr2-mysql-single"},
             "entities": {"instance": {"type": "Single", "datastore": {"type": "mysql", "version": "5.7"}}}, "fail_reason": "createVM failed."}}
            """, .rds)
        #expect(job.id == "31b8ae23-c687-4d80-b7b4-42a66c9bb886")
        #expect(job.type == "CreateMysqlSingleHAInstance")
        #expect(job.status.word == "Failed" && job.status.outcome == .fail)
        #expect(job.beginTime == Self.date("2018-08-06T10:41:14.000Z"))
        #expect(job.endTime == Self.date("2018-08-06T16:41:14.000Z"))
        #expect(job.failureReason == "createVM failed.")
        #expect(job.entities["resource_name"] == "DO-NOT-TOUCH-mgr2-mysql-single")
        #expect(job.entities["instance_id"] == "a48e43ff268f4c0e879652d65e63d0fbin01")
        #expect(job.entities["datastore"] == "mysql" && job.entities["datastore_version"] == "5.7")
        #expect(job.entities.progress == nil)
        #expect(Service.rds.label(for: job.type) == "create MySQL HA instance")
    }

    /// OTC-geminidb: the shared path answers with a list; `start_time`, `progress` "14%", an end
    /// time sent while running that must not be taken as the end.
    @Test func geminiDBRunningInAList() throws {
        let job = try Self.decode("""
            {"total_count": 1, "jobs": [{"id": "6f85e061-3b8e-4c30-a5a4-3f1c6a2d2b0e", "name": "CreateCassandra", "status": "Running",
             "start_time": "2023-09-12T06:44:01+0000", "end_time": "2023-09-12T06:44:03+0000", "progress": "14%",
             "instance": {"id": "27a0d7c8b0c04c4a8d1f5e6b7a8c9d0ein06", "name": "nosql-12f5"}, "fail_reason": ""}]}
            """, .geminidb)
        #expect(job.status.outcome == .running)
        #expect(job.beginTime == Self.date("2023-09-12T06:44:01.000Z"))
        #expect(job.endTime == nil, "an end time while running is not the end")
        #expect(job.entities.progress == 0.14)
        #expect(job.failReason == nil, "\"\" says nothing")
        #expect(job.entities["resource_name"] == "nosql-12f5")
    }

    /// GeminiDB's empty list is the service saying there is no such job (Terraform reads it so).
    @Test func anEmptyListIsNoSuchJob() {
        #expect(throws: JobDecodingProblem.noSuchJob) { try Self.decode(#"{"total_count": 0, "jobs": []}"#, .geminidb) }
        #expect(throws: JobDecodingProblem.noSuchJob) { try Self.decode(#"{"task_count": "0", "tasks": []}"#, .dms) }
        #expect(throws: JobDecodingProblem.missingStatus) { try Self.decode(#"{"jobs": [{"id": "x"}]}"#, .geminidb) }
    }

    /// TaurusDB: `Pending`, and empty times while creating.
    @Test func taurusPendingWithEmptyTimes() throws {
        let job = try Self.decode(#"{"job": {"id": "a", "name": "CreateGaussDBforMySQLInstance", "status": "Pending", "created": "", "ended": "", "process": ""}}"#, .taurusdb)
        #expect(job.status.outcome == .initial)
        #expect(job.beginTime == nil && job.endTime == nil)
    }

    /// OTC-dcs verbatim: a flat body, epoch milliseconds in strings, `fail_reason` null.
    @Test func dcsMillisecondStrings() throws {
        let job = try Self.decode("""
            {"job_id": "ff8080818822bbf70188235afc24141a", "job_type": "masterStandbySwapJob", "status": "SUCCESS", "begin_time": "1684191545379",
            "end_time": "1684191548248", "fail_reason": null}
            """, .dcs)
        #expect(job.id == "ff8080818822bbf70188235afc24141a")
        #expect(job.status.outcome == .success)
        #expect(job.beginTime == Date(timeIntervalSince1970: 1_684_191_545.379))
        #expect(job.endTime == Date(timeIntervalSince1970: 1_684_191_548.248))
        #expect(job.failureReason == nil)
        #expect(Service.dcs.label(for: job.type) == "master/standby switchover")
    }

    /// The ShowJob page's ELB upgrade: `COMPLETE` is success; sub-jobs with entity arrays;
    /// empty error strings are no failure.
    @Test func elbUpgradeComplete() throws {
        let job = try Self.decode("""
            {"job": {"status": "COMPLETE", "begin_time": "2024-03-23T08:20:42Z", "end_time": "2024-03-23T08:49:11Z", "job_id": "e3c5f1b6-1f0e-4a52-a7a8-2b6f6d1c0f3a",
             "job_type": "UPGRADE", "error_code": "", "error_msg": "", "project_id": "060576782980d5762f9ec014dd2f1148",
             "resource_id": "c889d96b-5e53-d03e-e7c0-641666b330a5",
             "sub_jobs": [{"status": "COMPLETE", "job_type": "UPGRADE_TRAFFIC_SWITCH", "job_id": "s1", "begin_time": "2024-03-23T08:21:00Z",
               "end_time": "2024-03-23T08:48:00Z", "error_code": "", "error_msg": "",
               "entities": [{"resource_id": "c889d96b-5e53-d03e-e7c0-641666b330a5", "resource_type": "loadbalancer"}]},
              {"status": "ROLLBACKING", "job_type": "UPGRADE_COMPLETE", "job_id": "s2", "error_code": "ELB.1234", "error_msg": "switch back"}]},
             "request_id": "7cf9"}
            """, .elb)
        #expect(job.status.word == "COMPLETE" && job.status.outcome == .success)
        #expect(job.endTime == Self.date("2024-03-23T08:49:11.000Z"))
        #expect(job.errorCode == nil && job.failReason == nil)
        #expect(job.entities["resource_id"] == "c889d96b-5e53-d03e-e7c0-641666b330a5")
        #expect(job.subJobs.count == 2)
        #expect(job.subJobs[0].entities["resource_type"] == "loadbalancer")
        #expect(job.subJobs[0].label == "UPGRADE_TRAFFIC_SWITCH" || Service.elb.label(for: job.subJobs[0].type) == "switch traffic")
        #expect(job.subJobs[1].status.outcome == .running, "ROLLBACKING is not over")
        for (word, outcome) in [("ROLLBACK_FAIL", JobStatus.Outcome.fail), ("CANCEL", .fail), ("SUCCESS", .success), ("INIT", .initial)] {
            let body = #"{"job": {"status": "\#(word)", "job_id": "j"}}"#
            #expect(try Self.decode(body, .elb).status.outcome == outcome, "\(word)")
        }
    }

    /// OTC-sfs verbatim: a flat body, times with a space and no zone (UTC).
    @Test func sfsTurboSpaceSeparatedUTC() throws {
        let job = try Self.decode("""
            {"job_id": "26f6b565-0e8b-4e39-9f0c-1f2b3c4d5e6f", "status": "success", "job_type": "bind_ldap", "begin_time": "2023-07-26 09:33:58", "end_time": "2023-07-26 09:33:58"}
            """, .sfsturbo)
        #expect(job.status.word == "success" && job.status.outcome == .success)
        #expect(job.beginTime == Self.date("2023-07-26T09:33:58.000Z"))
        #expect(Service.sfsturbo.label(for: job.type) == "bind LDAP")
    }

    /// CBR: an operation log; `skipped` and `timeout` are failures, the resource names the job.
    @Test func cbrOperationLog() throws {
        let job = try Self.decode("""
            {"operation_log": {"id": "4f7d2c9e-1b3a-4c5d-8e6f-7a8b9c0d1e2f", "status": "failed", "operation_type": "restore",
             "created_at": "2019-05-23T14:31:36.007+00:00", "started_at": "2019-05-23T14:31:37.007+00:00", "ended_at": "2019-05-23T14:35:36.007+00:00",
             "error_info": {"code": "BackupService.9900", "message": "restore failed: the disk is in use"},
             "extra_info": {"common": {"progress": 60}, "resource": {"id": "r1", "name": "web-01", "type": "OS::Nova::Server"}},
             "vault_name": "vault-web"}}
            """, .cbr)
        #expect(job.status.outcome == .fail)
        #expect(job.beginTime == Self.date("2019-05-23T14:31:37.007Z"))
        #expect(job.endTime == Self.date("2019-05-23T14:35:36.007Z"))
        #expect(job.failureReason == "restore failed: the disk is in use")
        #expect(job.failureCode == "BackupService.9900")
        #expect(job.entities["resource_name"] == "web-01" && job.entities["vault_name"] == "vault-web")
        for word in ["skipped", "timeout"] {
            #expect(try Self.decode(#"{"operation_log": {"status": "\#(word)"}}"#, .cbr).status.outcome == .fail, "\(word)")
        }
        #expect(try Self.decode(#"{"operation_log": {"status": "waiting"}}"#, .cbr).status.outcome == .initial)
    }

    /// OTC-dms verbatim: a list of one task; its last update is the end once it is over.
    @Test func dmsTaskList() throws {
        let job = try Self.decode("""
            {"task_count": "1", "tasks": [{"id": "8abfa7b272adc5b40172b73130065ae7", "name": "bindInstancePublicIp", "user_name": "paas_dms",
             "user_id": "0ba3f7d3de8d4e2b9b6f5c1c6c3e0d1f", "params": "{\\"public_bandwidth\\":5}", "status": "SUCCESS",
             "created_at": "2020-06-15T08:55:53.606Z", "updated_at": "2020-06-15T08:55:56.600Z"}]}
            """, .dms)
        #expect(job.id == "8abfa7b272adc5b40172b73130065ae7")
        #expect(job.status.outcome == .success)
        #expect(job.endTime == Self.date("2020-06-15T08:55:56.600Z"))
        #expect(Service.dms.label(for: job.type) == "bind public IP")
        for (word, outcome) in [("DELETED", JobStatus.Outcome.fail), ("CANCELLED", .fail), ("EXECUTING", .running), ("CREATED", .initial)] {
            #expect(try Self.decode(#"{"tasks": [{"status": "\#(word)"}]}"#, .dms).status.outcome == outcome, "\(word)")
        }
    }

    /// Status words read back from a file (no service at hand) mean the same in every family.
    @Test func wordsDoNotCollideAcrossFamilies() {
        var meaning: [String: JobStatus.Outcome] = [:]
        for service in Service.all {
            for (word, outcome) in service.statusWords {
                if let earlier = meaning[word] { #expect(earlier == outcome, "\(word) in \(service.name)") }
                meaning[word] = outcome
            }
        }
    }

    /// Error bodies of the families: SFS Turbo's `errCode`/`errMsg`, CBR's and DCS's.
    @Test func familyErrorBodies() throws {
        let turbo = try #require(ErrorFields.find(in: try JSONValue.parse(Data(#"{"errCode": "SFS.TURBO.0001", "errMsg": "parameter error"}"#.utf8))))
        #expect(turbo.code == "SFS.TURBO.0001" && turbo.message == "parameter error")
        let dcs = try #require(ErrorFields.find(in: try JSONValue.parse(Data(#"{"error_code": "111400063", "error_msg": "Invalid {0} parameter in the request.", "error_ext_msg": null}"#.utf8))))
        #expect(dcs.code == "111400063")
        let geip = try #require(ErrorFields.find(in: try JSONValue.parse(Data(#"{"error_code": "GEIP.0001", "error_message": "no such job"}"#.utf8))))
        #expect(geip.message == "no such job")
    }
}
