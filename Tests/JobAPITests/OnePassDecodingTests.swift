import Foundation
import Testing
import JobModel
@testable import JobAPI

/// The one-pass readers (`JobsV1Reader`, `CCEReader`) against the tolerant path through
/// `JSONValue`: for every body both read, the same job to the last field; the usual shapes are
/// read in one pass (not handed back), the odd ones are handed back and still decoded.
struct OnePassDecodingTests {
    static func onePass(_ body: String, _ service: Service) throws -> Job? {
        try Job.decodeInOnePass(Data(body.utf8), service: service).get()
    }

    static func tolerant(_ body: String, _ service: Service) throws -> Job {
        try Job.decodeTolerantly(Data(body.utf8), service: service)
    }

    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// A batch like the benchmark's: every sub-job state, failures with each shape of
    /// `errorcode_message`, escapes and Chinese text.
    static func batch(subJobs count: Int) -> String {
        let messages = [
            #"{\"forbidden\": {\"code\": 403, \"message\": \"Quota exceeded for instances: Requested 1, but already used 20 of 20 instances\"}}"#,
            #"{\"badRequest\":{\"code\":\"BMS.0213\",\"message\":\"所选规格的裸金属服务器库存不足\"}}"#,
            "Failed to power on the bare metal server: IPMI connection timed out after 600 seconds",
            #"{\"error\":{\"code\":\"BMS.0209\",\"message\":\"\\u914d\\u989d\\u4e0d\\u8db3\"}}"#,
        ]
        let subJobs = (0..<count).map { index -> String in
            let id = String(format: "%032x", index * 7919)
            let server = "bae51750-0089-41a1-9b18-\(String(format: "%012d", index))"
            switch index % 5 {
            case 0, 1:
                return #"{"status":"SUCCESS","entities":{"server_id":"\#(server)","nic_id":"n-\#(index)"},"job_id":"\#(id)","job_type":"baremetalSingleCreate","begin_time":"2019-04-25T20:04:47.591Z","end_time":"2019-04-25T20:08:21.328Z","error_code":null,"fail_reason":null}"#
            case 2:
                return #"{"status":"RUNNING","entities":{"server_id":"\#(server)"},"job_id":"\#(id)","job_type":"baremetalSingleCreate","begin_time":"2019-04-25T20:04:47Z","end_time":""}"#
            case 3:
                return #"{"status":"FAIL","entities":{"server_id":"\#(server)","errorcode_message":"\#(messages[index % messages.count])"},"job_id":"\#(id)","job_type":"baremetalSingleCreate","begin_time":"2019-04-25T20:04:47.591Z","end_time":"2019-04-25T20:06:00.001Z","error_code":"BMS.0102","fail_reason":"create bare metal server failed \u4e2d"}"#
            default:
                return #"{"status":"INIT","job_id":\#(index),"job_type":"baremetalSingleCreate","entities":{}}"#
            }
        }
        return #"{"status":"RUNNING","entities":{"sub_jobs_total":\#(count),"sub_jobs":[\#(subJobs.joined(separator: ","))]},"job_id":"batch","job_type":"baremetalBatchCreate","begin_time":"2019-04-25T20:04:34.604Z","end_time":""}"#
    }

    /// Shapes every service sends or its tables allow.
    static let usualBodies: [(String, Service)] = [
        (batch(subJobs: 10), .bms),
        (#"{"status":"SUCCESS"}"#, .bms),
        (#"{"status":"RUNNING","job_id":12345,"job_type":["x"],"error_code":0,"fail_reason":{"a":1},"entities":{"sub_jobs_total":"3","sub_jobs":[{"status":"INIT"},"junk",7,{"status":"RUNNING"}]}}"#, .bms),
        (#"{"status":3,"begin_time":17,"end_time":null,"message":true,"code":-1.5}"#, .bms),
        (#"{"status":"  Running ","begin_time":"2019-04-26T04:04:47.591+08:00","end_time":"2019-04-25 20:04:47"}"#, .ecs),
        (#"{"status":"FAIL","entities":{"errorcode_message":{"badRequest":{"code":"BMS.1234","message":"bad flavor"}}}}"#, .bms),
        (#"{"status":"FAIL","entities":{"errorcode_message":"[1,2]","server_id":null,"nic_id":""}}"#, .bms),
        (#"{"status":"FAIL","entities":{"errorcode_message":null,"zeta":"z","alpha":{"b":2,"a":[1,"x"]},"count":3,"flag":false}}"#, .bms),
        (#"{"status":"FAIL","entities":[{"server_id":"srv-1"},{"nic_id":"nic-1"},{"server_id":"ignored-second"}]}"#, .bms),
        (#"{"status":"SUCCESS","entities":"none"}"#, .bms),
        (#"{"status":"SUCCESS","entities":{"sub_jobs_result":[{"status":"SUCCESS","job_id":"r"}],"sub_jobs":[{"job_id":"s"}],"sub_jobs_list":["s1","s2"]}}"#, .ims),
        (#"{"status":"RUNNING","entities":{"process_percent":"40%","image_name":"x","subJobId":"s1"}}"#, .ims),
        (#"{"status":"RUNNING","entities":{"process_percent":0.2}}"#, .ims),
        (#"{"status":"RUNNING","begin_time":"04-Jun-2015 18:11:06:586","end_time":""}"#, .ims),
        (#"{"job_id":"a\"b\\c","status":"\u0053UCCESS","fail_reason":"\ud83d\ude00 \u914d\u989d"}"#, .bms),
        (#"{"status":"RUNNING","extra":{"deep":[[[{"x":[1,2,{"y":null}]}]]]},"kind":"Job"}"#, .vpc),
        (#"{"job_id":"x"}"#, .bms),
        (#"{"status":null}"#, .bms),
        (#"{"status":""}"#, .bms),
        ("{}", .bms),
        (#"{"kind":"Job","metadata":{"uid":"u","creationTimestamp":"2018-08-02 08:12:40.672772389 +0000 UTC","updateTimestamp":"2018-08-02 08:21:50.478108569 +0000 UTC"},"spec":{"type":"CreateCluster","resourceName":"n","resourceID":"r","clusterUID":"c","extendParam":{"serverID":"s","b":2,"a":null},"subJobs":[{"metadata":{"uid":"k"},"spec":{"type":"InstallMaster"},"status":{"phase":"Success"}},"junk",1]},"status":{"phase":"Failed","reason":"  ","message":"quota exceeded"}}"#, .cce),
        (#"{"status":{"phase":"Running","reason":42},"metadata":"x","spec":{"type":["T"],"resourceName":{"a":1},"subJobs":{"uid":"x"}}}"#, .cce),
        (#"{"metadata":{"uid":"u"},"status":"Running"}"#, .cce),
        (#"{"status":"SUCCESS","job_id":"v1-body"}"#, .cce),
    ]

    @Test(arguments: usualBodies)
    func usualShapesAreReadInOnePassAlike(_ body: String, _ service: Service) throws {
        let fast = try Self.onePass(body, service)
        switch Result(catching: { () throws(JobDecodingProblem) in try Self.tolerantJob(body, service) }) {
        case .success(let slow): #expect(fast == slow)
        case .failure(let problem):
            #expect(problem == .missingStatus)
            #expect(fast == nil)
        }
    }

    static func tolerantJob(_ body: String, _ service: Service) throws(JobDecodingProblem) -> Job {
        try Job.decodeTolerantly(Data(body.utf8), service: service)
    }

    @Test(arguments: [
        ("ecs-job-success", Service.ecs), ("ecs-job-running-observed", .ecs), ("evs-job-batch-success", .evs),
        ("evs-job-delete-cts", .evs), ("evs-job-running", .evs), ("ims-showjob", .ims), ("ims-showjobprogress", .ims),
        ("eip-job", .vpc), ("cce-job", .cce),
    ])
    func everyDocumentedExampleIsReadInOnePassAlike(_ name: String, _ service: Service) throws {
        let body = try Self.fixture(name)
        let fast = try #require(try Self.onePass(body, service))
        #expect(fast == (try Self.tolerant(body, service)))
    }

    @Test func aBigBatchIsReadInOnePassAlike() throws {
        let body = Self.batch(subJobs: 1_500)
        let fast = try #require(try Self.onePass(body, .bms))
        #expect(fast.subJobs.count == 1_500)
        #expect(fast.entities.subJobsTotal == 1_500)
        #expect(fast.subJobs.filter { $0.status.outcome == .fail }.count == 300)
        #expect(fast.subJobs[3].failureReason == "配额不足")
        #expect(fast.subJobs[8].failureReason == "Quota exceeded for instances: Requested 1, but already used 20 of 20 instances")
        #expect(fast.subJobs[13].failureReason == "所选规格的裸金属服务器库存不足")
        #expect(fast.subJobs[18].failureReason == "Failed to power on the bare metal server: IPMI connection timed out after 600 seconds")
        #expect(fast == (try Self.tolerant(body, .bms)))
    }

    /// Shapes only `JSONDecoder` reads its own way: handed back, then decoded as before.
    @Test(arguments: [
        #"{"status":"RUNNING","entities":{"server_id":"a","server_id":"b"}}"#,
        #"{"status":"RUNNING","entities":{"server_id":null,"server_id":"b"}}"#,
        #"{"status":"RUNNING","job_id":"j",}"#,
        #"{"status":"RUNNING","entities":{"size":1e3}}"#,
        #"{"st\u0061tus":"RUNNING"}"#,
        "\u{FEFF}{\"status\":\"RUNNING\"}",
    ])
    func oddShapesAreHandedBackAndStillDecoded(_ body: String) throws {
        #expect(throws: JSONScanner.Unsure.self) { try Self.onePass(body, .bms) }
        let job = try Job.decode(Data(body.utf8))
        #expect(job == (try Self.tolerant(body, .bms)))
        #expect(job.status.outcome == .running)
    }

    /// A key given twice keeps its last value, as jq, Python and Go read it (JSONDecoder keeps
    /// the first: a FAIL after a SUCCESS was read as SUCCESS, exit 0).
    @Test func aKeyGivenTwiceKeepsItsLastValue() throws {
        let body = #"{"status":"SUCCESS","entities":{},"status":"FAIL","fail_reason":"first","fail_reason":"last"}"#
        #expect(throws: JSONScanner.Unsure.self) { try Self.onePass(body, .bms) }
        let job = try Job.decode(Data(body.utf8))
        #expect(job.status == .fail)
        #expect(job.failReason == "last")
    }
}
