import Foundation
import Testing
import JobModel
@testable import JobAPI

/// Shapes the examples do not show but the tables allow: decoded without trusting them.
struct DialectToleranceTests {
    static func decode(_ text: String, _ service: Service) throws(JobDecodingProblem) -> Job {
        try Job.decode(Data(text.utf8), service: service)
    }

    // MARK: - IMS

    @Test(arguments: [
        ("0.2", 0.2), ("0", 0), ("1", 1), ("0.999", 0.999),
        ("40", 0.4), ("100", 1), ("2.5", 0.025), ("150", 1), ("-0.3", 0),
        (#""0.4""#, 0.4), (#"" 40 ""#, 0.4), (#""40%""#, 0.4), (#""0.5%""#, 0.005), (#""120%""#, 1),
    ] as [(String, Double)])
    func processPercentIsAFraction(_ value: String, _ expected: Double) throws {
        let job = try Self.decode(#"{"status":"RUNNING","entities":{"process_percent":\#(value)}}"#, .ims)
        let progress = try #require(job.entities.progress)
        #expect(abs(progress - expected) < 1e-12)
        #expect(job.entities["process_percent"] == nil, "shown as progress, not as an attribute")
    }

    @Test(arguments: ["null", #""""#, #""soon""#, "true", "[0.2]", #"{"v":1}"#, #""nan""#])
    func processPercentThatIsNoNumberIsNoProgress(_ value: String) throws {
        let job = try Self.decode(#"{"status":"RUNNING","entities":{"process_percent":\#(value)}}"#, .ims)
        #expect(job.entities.progress == nil)
        #expect(job.status.outcome == .running)
    }

    @Test func imsSubJobResultsAreSubJobsAndTheIDListIsText() throws {
        let job = try Self.decode("""
            {"status":"RUNNING","job_id":"p1","job_type":"imsCreateWholeImageByInstanceJob",
             "entities":{"image_name":"whole","sub_jobs_list":["s1","s2"],"subJobId":"s1",
               "sub_jobs_result":[
                 {"status":"SUCCESS","job_id":"s1","job_type":"imsCreateImageByInstance","begin_time":"04-Jun-2015 18:11:06:586",
                  "end_time":"04-Jun-2015 18:21:07:001","error_code":null,"fail_reason":null,
                  "entities":{"image_id":"img-1","image_name":"sys"}},
                 {"status":"FAIL","job_id":"s2","fail_reason":"disk busy","entities":{"image_name":"data"}},
                 "s3", 7, null]}}
            """, .ims)
        #expect(job.subJobs.map(\.id) == ["s1", "s2"])
        #expect(job.subJobs.map(\.status.outcome) == [.success, .fail])
        #expect(job.subJobs[0].entities.attributes == [EntityAttribute(key: "image_id", value: "img-1"), EntityAttribute(key: "image_name", value: "sys")])
        #expect(job.subJobs[0].endTime == Date(timeIntervalSince1970: 1_433_442_067 + 0.001))
        #expect(job.subJobs[1].failureReason == "disk busy")
        #expect(job.entities["sub_jobs_list"] == #"["s1","s2"]"#)
        #expect(job.entities["subJobId"] == "s1")
        #expect(job.entities["sub_jobs_result"] == nil)
    }

    // MARK: - EIP

    @Test func eipSubJobsOfUnknownShapeAreReadWhenObjects() throws {
        let job = try Self.decode("""
            {"status":"RUNNING","job_id":"e1","entities":{"sub_jobs":[
              {"status":"SUCCESS","job_id":"e1-a","job_type":"createPublicip","entities":{"publicip_id":"ip-1"}},
              "e1-b", 3, ["x"], null, {"job_id":"e1-c"}]}}
            """, .vpc)
        #expect(job.subJobs.map(\.id) == ["e1-a", "e1-c"])
        #expect(job.subJobs[0].entities["publicip_id"] == "ip-1")
        #expect(job.subJobs[1].status.outcome == .unknown, "no status: polled on, never taken as done")
    }

    @Test func eipEntitiesAsAnArrayOfObjects() throws {
        let job = try Self.decode(#"{"status":"SUCCESS","entities":[{"sub_jobs":[{"status":"SUCCESS","job_id":"a"}]}]}"#, .vpc)
        #expect(job.subJobs.map(\.id) == ["a"])
    }

    // MARK: - Entity order

    @Test func entityKeysShowInADisplayOrder() throws {
        let job = try Self.decode("""
            {"status":"SUCCESS","entities":{"zone":"z","image_name":"in","name":"n","image_id":"i","volume_id":"v",
             "nic_id":"c","server_id":"s","size":10,"volume_type":"SSD","current_task":"t"}}
            """, .evs)
        #expect(job.entities.attributes.map(\.key) == [
            "server_id", "nic_id", "volume_id", "image_id", "name", "image_name", "size", "volume_type", "current_task", "zone",
        ])
    }

    // MARK: - CCE

    static func cceJob(uid: String, phase: String?, subJobs: [String] = [], extra: String = "") -> String {
        let status = phase.map { #""status":{"phase":"\#($0)"\#(extra)}"# } ?? #""status":{}"#
        return #"{"kind":"Job","metadata":{"uid":"\#(uid)"},"spec":{"type":"T","subJobs":[\#(subJobs.joined(separator: ","))]},\#(status)}"#
    }

    @Test func cceSubJobsNestToAnyDepth() throws {
        let leaf = Self.cceJob(uid: "c", phase: "Failed", extra: #","reason":"node install timed out""#)
        let middle = Self.cceJob(uid: "b", phase: "Running", subJobs: [leaf])
        let job = try Self.decode(Self.cceJob(uid: "a", phase: "Initializing", subJobs: [middle, #""junk""#, "1"]), .cce)
        #expect(job.status.outcome == .initial)
        #expect(job.subJobs.map(\.id) == ["b"])
        let deepest = try #require(job.subJobs.first?.subJobs.first)
        #expect(deepest.id == "c")
        #expect(deepest.status.word == "Failed" && deepest.status.outcome == .fail)
        #expect(deepest.failReason == "node install timed out")
    }

    @Test func cceNestingIsCapped() throws {
        var body = Self.cceJob(uid: "bottom", phase: "Success")
        for level in 0..<40 { body = Self.cceJob(uid: "l\(level)", phase: "Running", subJobs: [body]) }
        let job = try Self.decode(body, .cce)
        var depth = 0
        var current = job
        while let next = current.subJobs.first {
            depth += 1
            current = next
        }
        #expect(depth == Job.cceMaxDepth)
    }

    @Test func cceStatusMessageIsTheReasonWhenNoReasonIsGiven() throws {
        let withMessage = try Self.decode(Self.cceJob(uid: "a", phase: "Failed", extra: #","reason":"  ","message":"quota exceeded""#), .cce)
        #expect(withMessage.failReason == "quota exceeded")
        let both = try Self.decode(Self.cceJob(uid: "a", phase: "Failed", extra: #","reason":"ECS quota","message":"other""#), .cce)
        #expect(both.failReason == "ECS quota")
        let numeric = try Self.decode(Self.cceJob(uid: "a", phase: "Failed", extra: #","reason":42"#), .cce)
        #expect(numeric.failReason == nil)
    }

    @Test func cceEndsAtTheLastUpdateOnlyWhenFinished() throws {
        let body = #"{"metadata":{"uid":"u","creationTimestamp":"2022-02-07 08:50:45.7 +0000 UTC","updateTimestamp":"2022-02-07 08:55:45.78542824 +0000 UTC"},"status":{"phase":"Success"}}"#
        let job = try Self.decode(body, .cce)
        #expect(job.beginTime == Date(timeIntervalSince1970: 1_644_223_845 + 0.7))
        #expect(job.endTime == Date(timeIntervalSince1970: 1_644_224_145 + 0.78542824))
    }

    @Test func cceWrongTypesAreIgnored() throws {
        let job = try Self.decode("""
            {"metadata":"x","spec":{"type":["T"],"resourceName":{"a":1},"resourceID":"r","extendParam":["serverID"],"subJobs":{"uid":"x"}},
             "status":{"phase":"Running","reason":null}}
            """, .cce)
        #expect(job.id == nil && job.type == nil)
        #expect(job.subJobs.isEmpty)
        #expect(job.entities.attributes == [EntityAttribute(key: "resource_id", value: "r")])
        #expect(job.status.outcome == .running)
    }

    @Test(arguments: [
        #"{"kind":"Job","metadata":{"uid":"u"},"spec":{"type":"CreateCluster"}}"#,
        #"{"metadata":{"uid":"u"},"status":{"reason":"x"}}"#,
        #"{"metadata":{"uid":"u"},"status":"Running"}"#,
        #"{"status":"SUCCESS","job_id":"v1-body"}"#,
    ])
    func aCCEBodyWithoutAPhaseIsNoJob(_ body: String) {
        #expect(throws: JobDecodingProblem.missingStatus) { try Self.decode(body, .cce) }
    }
}
