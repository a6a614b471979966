import Foundation
import Testing
import JobModel
@testable import JobAPI

/// Where each family's job is asked: host, path, query; and which answers say "no such job".
struct FamilyRequestTests {
    @Test func pathsAndQueries() throws {
        let endpoint = Endpoint(scheme: "https", host: "example.invalid", port: nil, basePath: "")
        #expect(endpoint.jobPath(service: .rds, projectID: "p", jobID: "j") == "/v3/p/jobs")
        #expect(Service.rds.jobQuery == "id")
        #expect(endpoint.jobPath(service: .dcs, projectID: "p", jobID: "j") == "/v2/p/jobs/j")
        #expect(endpoint.jobPath(service: .elb, projectID: "p", jobID: "j") == "/v3/p/elb/jobs/j")
        #expect(endpoint.jobPath(service: .sfsturbo, projectID: "p", jobID: "j") == "/v1/p/sfs-turbo/jobs/j")
        #expect(endpoint.jobPath(service: .cbr, projectID: "p", jobID: "j") == "/v3/p/operation-logs/j")
        #expect(endpoint.jobPath(service: .dms, projectID: "p", jobID: "inst/task") == "/v2/p/instances/inst/tasks/task")
    }

    @Test func hostsPerRegion() {
        #expect(Service.rds.host(region: "cn-north-4") == "rds.cn-north-4.myhuaweicloud.com")
        #expect(Service.rds.host(region: "eu-west-101") == "rds.eu-west-101.myhuaweicloud.eu")
        #expect(Service.dcs.host(region: "eu-west-101") == "dcs.eu-west-101.myhuaweicloud.com", "DCS is .com in eu-west-101 (PY)")
        #expect(Service.opengauss.host(region: "cn-north-4") == "gaussdb-opengauss.cn-north-4.myhuaweicloud.com")
        #expect(Service.opengauss.host(region: "tr-west-1") == "gaussdb.tr-west-1.myhuaweicloud.com")
        #expect(Service.taurusdb.host(region: "cn-north-4") == "gaussdb.cn-north-4.myhuaweicloud.com")
        #expect(Service.taurusdb.host(region: "ap-southeast-1") == "gaussdbformysql.ap-southeast-1.myhuaweicloud.com")
        #expect(Service.taurusdb.host(region: "af-south-1") == "gaussdb-mysql.af-south-1.myhuaweicloud.com")
        #expect(Service.sfsturbo.host(region: "cn-east-3") == "sfs-turbo.cn-east-3.myhuaweicloud.com")
    }

    @Test func dmsReferencesNameTheirInstance() throws {
        let reference = try JobReference(parsing: "dms/0b5b8a2c-3d4e-4f50-8a6b-7c8d9e0f1a2b/8abfa7b272adc5b40172b73130065ae7")
        #expect(reference.service == .dms)
        #expect(reference.id == "0b5b8a2c-3d4e-4f50-8a6b-7c8d9e0f1a2b/8abfa7b272adc5b40172b73130065ae7")
        for bad in ["dms/8abfa7b272adc5b40172b73130065ae7", "dms/a/b/c", "dms/a/", "dms//b"] {
            #expect(throws: JobReference.Problem.self, "\(bad)") { try JobReference(parsing: bad) }
        }
        do {
            _ = try JobReference(parsing: "dms/8abfa7b272adc5b40172b73130065ae7")
            Issue.record("a DMS task without its instance was accepted")
        } catch {
            #expect(error.description.contains("dms/INSTANCE_ID/TASK_ID"), "\(error)")
        }
    }

    /// The database family's "The job does not exist." comes as a 400: not found all the same,
    /// and so asked again as a new job is (`PollPolicy.notFoundDelay`), never given up at once.
    @Test func notFoundCodesMakeANotFound() {
        let error = APIError(kind: .noSuchJob, httpStatus: 400, code: "DBS.200543", message: "The job does not exist.")
        #expect(error.category == .notFound)
        #expect(!error.isWorthRetrying)
        #expect(Service.rds.notFoundCodes.contains("DBS.200543"))
        #expect(Service.geminidb.notFoundCodes.contains("DBS.200543"))
    }

    @Test func colonlessOffsetsAndMillisecondStrings() {
        #expect(JobTimestamp.parse("2018-08-06T10:41:14+0800") == Date(timeIntervalSince1970: 1_533_523_274))
        #expect(JobTimestamp.parse("2018-08-06T10:41:14-0130") == Date(timeIntervalSince1970: 1_533_557_474))
        #expect(JobTimestamp.parse("1684191545379") == Date(timeIntervalSince1970: 1_684_191_545.379))
        #expect(JobTimestamp.parse("1684191545") == Date(timeIntervalSince1970: 1_684_191_545))
        #expect(JobTimestamp.parse("12345") == nil)
    }
}

extension FamilyRequestTests {
    /// An international account asked at the Chinese BSS host (or the reverse): the answer says
    /// which endpoint puts it right, not "check the IAM policy".
    @Test func theOtherWebsitesBSSSaysWhichHost() {
        let body = Data(#"{"error_code": "CBC.0156", "error_msg": "The customer does not belong to the website you are now at."}"#.utf8)
        let error = JobClient.error(status: 403, body: body, retryAfter: nil, now: Date())
        #expect(error.code == "CBC.0156")
        #expect(error.hint.contains("bss-intl.myhuaweicloud.com"), "\(error)")
        #expect(JobClient.error(status: 403, body: Data(#"{"error_code": "APIGW.0302"}"#.utf8), retryAfter: nil, now: Date()).hint.contains("IAM policy"))
    }
}
