import Foundation
import Testing
import JobModel
@testable import JobAPI

struct DecodingTests {
    static func decode(_ text: String) throws(JobDecodingProblem) -> Job {
        try Job.decode(Data(text.utf8))
    }

    static func date(_ iso: String) -> Date {
        try! Date(iso, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    // MARK: - The documented example

    @Test func decodesTheDocumentationExample() throws {
        let job = try Self.decode("""
            {"status":"SUCCESS","job_id":"2c9eb2c5544cbf6101544f0602af2b4f","job_type":"baremetalBatchCreate",
             "begin_time":"2019-04-25T20:04:34.604Z","end_time":"2019-04-25T20:08:41.593Z","error_code":null,"fail_reason":null,
             "entities":{"sub_jobs_total":1,"sub_jobs":[{"status":"SUCCESS","job_id":"2c9eb2c5544cbf6101544f0635672b60",
               "job_type":"baremetalSingleCreate","begin_time":"2019-04-25T20:04:47.591Z","end_time":"2019-04-25T20:08:21.328Z",
               "error_code":null,"fail_reason":null,"entities":{"server_id":"bae51750-0089-41a1-9b18-5c777978ff6d"}}]}}
            """)
        #expect(job.status == .success)
        #expect(job.status.isTerminal)
        #expect(job.id == "2c9eb2c5544cbf6101544f0602af2b4f")
        #expect(job.type == "baremetalBatchCreate")
        #expect(job.label == "create servers")
        #expect(job.beginTime == Self.date("2019-04-25T20:04:34.604Z"))
        #expect(job.endTime == Self.date("2019-04-25T20:08:41.593Z"))
        #expect(job.errorCode == nil)
        #expect(job.failReason == nil)
        #expect(job.failureReason == nil)
        #expect(job.entities.subJobsTotal == 1)
        #expect(job.subJobs.count == 1)
        #expect(job.entities.attributes.isEmpty)

        let sub = try #require(job.subJobs.first)
        #expect(sub.id == "2c9eb2c5544cbf6101544f0635672b60")
        #expect(sub.label == "create server")
        #expect(sub.status == .success)
        #expect(sub.beginTime == Self.date("2019-04-25T20:04:47.591Z"))
        #expect(sub.endTime == Self.date("2019-04-25T20:08:21.328Z"))
        #expect(sub.entities["server_id"] == "bae51750-0089-41a1-9b18-5c777978ff6d")
        let elapsed = try #require(job.elapsed(now: Date()))
        #expect(abs(elapsed - 246.989) < 0.0005)
    }

    // MARK: - Times

    @Test(arguments: [
        #"{"status":"RUNNING","begin_time":"2019-04-25T20:04:34.604Z","end_time":null}"#,
        #"{"status":"RUNNING","begin_time":"2019-04-25T20:04:34.604Z"}"#,
        #"{"status":"RUNNING","begin_time":"2019-04-25T20:04:34.604Z","end_time":""}"#,
    ])
    func aMissingEndTimeIsNotSet(_ body: String) throws {
        let job = try Self.decode(body)
        #expect(job.status == .running)
        #expect(job.endTime == nil)
        #expect(job.beginTime == Self.date("2019-04-25T20:04:34.604Z"))
        // A running job's elapsed time runs to now.
        let now = Self.date("2019-04-25T20:05:34.604Z")
        #expect(job.elapsed(now: now) == 60)
    }

    @Test(arguments: [
        ("2019-04-25T20:04:47.591Z", "2019-04-25T20:04:47.591Z"),
        ("2019-04-25T20:04:47Z", "2019-04-25T20:04:47.000Z"),
        ("2019-04-26T04:04:47.591+08:00", "2019-04-25T20:04:47.591Z"),
        ("2019-04-26T04:04:47+08:00", "2019-04-25T20:04:47.000Z"),
        ("2019-04-25T15:04:47-05:00", "2019-04-25T20:04:47.000Z"),
        ("2019-04-25T20:04:47.591", "2019-04-25T20:04:47.591Z"),
        ("2019-04-25 20:04:47", "2019-04-25T20:04:47.000Z"),
    ])
    func parsesISO8601Times(_ text: String, _ utc: String) throws {
        let parsed = try #require(JobTimestamp.parse(text))
        #expect(parsed == Self.date(utc))
        #expect(JobTimestamp.format(parsed) == utc)
    }

    /// The state file writes and reads times again and again: they must not drift.
    @Test(arguments: ["2019-04-25T20:04:47.591Z", "2019-04-25T20:04:47.999Z", "2024-05-01T08:09:10.001Z", "1969-12-31T23:59:59.123Z"])
    func formattingAndParsingIsStable(_ text: String) throws {
        var current = text
        for _ in 0..<5 {
            current = JobTimestamp.format(try #require(JobTimestamp.parse(current)))
        }
        #expect(current == text)
    }

    @Test(arguments: ["", "   ", "yesterday", "2019-13-45T99:00:00Z"])
    func rejectsTimesThatAreNotTimes(_ text: String) {
        #expect(JobTimestamp.parse(text) == nil)
    }

    @Test func aBadTimeDoesNotSpoilTheJob() throws {
        let job = try Self.decode(#"{"status":"INIT","begin_time":"soon","end_time":17}"#)
        #expect(job.status == .initial)
        #expect(job.beginTime == nil)
        #expect(job.endTime == nil)
        #expect(job.elapsed(now: Date()) == nil)
    }

    // MARK: - Statuses

    @Test(arguments: [
        ("SUCCESS", JobStatus.success, true), ("FAIL", .fail, true), ("RUNNING", .running, false),
        ("INIT", .initial, false), ("PENDING_PAYMENT", .pendingPayment, false),
    ])
    func knownStatuses(_ raw: String, _ status: JobStatus, _ terminal: Bool) throws {
        let job = try Self.decode(#"{"status":"\#(raw)"}"#)
        #expect(job.status == status)
        #expect(job.status.isTerminal == terminal)
        #expect(job.status.rawValue == raw)
    }

    // FAILED is not a documented status: shown as sent, and polled on (docs/api/JOB-API.md: "anything else … not finished").
    @Test(arguments: ["ROLLING_BACK", "Queued", "SUCCESS_PARTIAL", "7", "FAILED", "SUCCEEDED"])
    func unknownStatusesAreKeptVerbatimAndNotTerminal(_ raw: String) throws {
        let job = try Self.decode(#"{"status":"\#(raw)"}"#)
        #expect(job.status == .other(raw))
        #expect(job.status.rawValue == raw)
        #expect(job.status.description == raw)
        #expect(!job.status.isTerminal)
    }

    @Test func aNumericStatusIsKeptAsText() throws {
        let job = try Self.decode(#"{"status":3}"#)
        #expect(job.status == .other("3"))
        #expect(!job.status.isTerminal)
    }

    // MARK: - Entities

    @Test func subJobEntitiesMayBeAnArrayOfObjects() throws {
        let job = try Self.decode("""
            {"status":"FAIL","entities":{"sub_jobs":[{"status":"FAIL","job_id":"s1",
              "entities":[{"server_id":"srv-1"},{"nic_id":"nic-1"},{"server_id":"ignored-second"}]}]}}
            """)
        let sub = try #require(job.subJobs.first)
        #expect(sub.entities["server_id"] == "srv-1")
        #expect(sub.entities["nic_id"] == "nic-1")
        #expect(sub.entities.attributes.map(\.key) == ["server_id", "nic_id"])
    }

    @Test func subJobEntitiesAsAnObject() throws {
        let job = try Self.decode(#"{"status":"RUNNING","entities":{"sub_jobs":[{"status":"RUNNING","entities":{"server_id":"srv-2","nic_id":"nic-2"}}]}}"#)
        let sub = try #require(job.subJobs.first)
        #expect(sub.entities.attributes == [
            EntityAttribute(key: "server_id", value: "srv-2"), EntityAttribute(key: "nic_id", value: "nic-2"),
        ])
    }

    @Test func unknownEntityKeysAreKept() throws {
        let job = try Self.decode("""
            {"status":"SUCCESS","entities":{"volume_id":"vol-9","zeta":"z","alpha":{"b":2,"a":[1,"x"]},"server_id":"srv-1",
             "count":3,"flag":false,"nothing":null,"blank":""}}
            """)
        #expect(job.entities.attributes.map(\.key) == ["server_id", "volume_id", "alpha", "count", "flag", "zeta"])
        #expect(job.entities["volume_id"] == "vol-9")
        #expect(job.entities["alpha"] == #"{"a":[1,"x"],"b":2}"#)
        #expect(job.entities["count"] == "3")
        #expect(job.entities["flag"] == "false")
        #expect(job.entities["nothing"] == nil)
        #expect(job.entities["blank"] == nil)
    }

    @Test func entitiesOfAWrongTypeAreIgnored() throws {
        let job = try Self.decode(#"{"status":"SUCCESS","entities":"none"}"#)
        #expect(job.entities == JobEntities())
    }

    // MARK: - errorcode_message

    @Test func errorcodeMessageHoldingJSONGivesTheInnerMessageAndCode() throws {
        let inner = #"{\"forbidden\": {\"code\": 403, \"message\": \"Quota exceeded for instances: Requested 2, but already used 10 of 10 instances\"}}"#
        let job = try Self.decode("""
            {"status":"FAIL","entities":{"sub_jobs":[{"status":"FAIL","job_id":"s1","error_code":"BMS.0017",
             "fail_reason":"create failed","entities":{"server_id":"srv-1","errorcode_message":"\(inner)"}}]}}
            """)
        let sub = try #require(job.subJobs.first)
        let message = try #require(sub.entities.errorMessage)
        #expect(message.message == "Quota exceeded for instances: Requested 2, but already used 10 of 10 instances")
        #expect(message.code == "403")
        #expect(message.raw.hasPrefix(#"{"forbidden""#))
        #expect(sub.failureReason == "Quota exceeded for instances: Requested 2, but already used 10 of 10 instances")
        #expect(sub.failureCode == "BMS.0017")
        // errorcode_message is not shown again as an attribute.
        #expect(sub.entities.attributes.map(\.key) == ["server_id"])
    }

    @Test func errorcodeMessageAsAnObjectIsReadToo() throws {
        let job = try Self.decode(#"{"status":"FAIL","entities":{"errorcode_message":{"badRequest":{"code":"BMS.1234","message":"bad flavor"}}}}"#)
        #expect(job.entities.errorMessage?.message == "bad flavor")
        #expect(job.entities.errorMessage?.code == "BMS.1234")
        #expect(job.failureCode == "BMS.1234")
    }

    @Test func plainTextErrorcodeMessageIsTheMessage() throws {
        let job = try Self.decode(#"{"status":"FAIL","fail_reason":"generic","entities":{"errorcode_message":"disk attach timed out"}}"#)
        #expect(job.entities.errorMessage == ErrorcodeMessage(raw: "disk attach timed out", code: nil, message: "disk attach timed out"))
        #expect(job.failureReason == "disk attach timed out")
    }

    @Test func chineseMessagesSurviveIntact() throws {
        let inner = #"{\"error\": {\"code\": \"BMS.0209\", \"message\": \"配额不足，请申请扩大配额\"}}"#
        let job = try Self.decode(#"{"status":"FAIL","fail_reason":"创建失败","entities":{"errorcode_message":"\#(inner)"}}"#)
        #expect(job.entities.errorMessage?.message == "配额不足，请申请扩大配额")
        #expect(job.entities.errorMessage?.code == "BMS.0209")
        #expect(job.failReason == "创建失败")
    }

    @Test func failReasonIsUsedWhenThereIsNoErrorcodeMessage() throws {
        let job = try Self.decode(#"{"status":"FAIL","error_code":"BMS.0001","fail_reason":"no capacity"}"#)
        #expect(job.failureReason == "no capacity")
        #expect(job.failureCode == "BMS.0001")
        let bare = try Self.decode(#"{"status":"FAIL","error_code":"BMS.0001"}"#)
        #expect(bare.failureReason == "BMS.0001")
    }

    // MARK: - Bodies that are not jobs

    @Test(arguments: [#"{"job_id":"x"}"#, #"{"status":null}"#, #"{"status":""}"#, "{}"])
    func aBodyWithoutStatusIsAnError(_ body: String) {
        #expect(throws: JobDecodingProblem.missingStatus) { try Self.decode(body) }
    }

    @Test func htmlIsNotJSONAndSaysHowItStarts() {
        let body = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>"
        #expect(throws: JobDecodingProblem.notJSON(bodyPrefix: "<html> <head><title>502 Bad Gateway</title></head> <body>nginx</body></html>")) {
            try Self.decode(body)
        }
        let problem = JobDecodingProblem.notJSON(bodyPrefix: "<html>")
        #expect(problem.description == #"the body is not JSON (starts with "<html>")"#)
    }

    @Test func aLongBodyPrefixIsCut() {
        let body = String(repeating: "x", count: 500)
        #expect(throws: JobDecodingProblem.notJSON(bodyPrefix: String(repeating: "x", count: 80) + "…")) {
            try Self.decode(body)
        }
    }

    @Test func anEmptyBodyIsNotJSON() {
        #expect(throws: JobDecodingProblem.notJSON(bodyPrefix: "")) { try Self.decode("") }
    }

    @Test(arguments: ["[]", #"[{"status":"SUCCESS"}]"#, "\"SUCCESS\"", "42", "null"])
    func jsonThatIsNotAnObject(_ body: String) {
        #expect(throws: JobDecodingProblem.notAnObject) { try Self.decode(body) }
    }

    // MARK: - Wrong types

    @Test func numbersAsStringsAndWrongTypesAreTolerated() throws {
        let job = try Self.decode("""
            {"status":"RUNNING","job_id":12345,"job_type":["x"],"error_code":0,"fail_reason":{"a":1},
             "entities":{"sub_jobs_total":"3","sub_jobs":[{"status":"INIT"},"junk",7,{"status":"RUNNING"}]}}
            """)
        #expect(job.id == "12345")
        #expect(job.type == nil)
        #expect(job.label == "job")
        #expect(job.errorCode == "0")
        #expect(job.failReason == nil)
        #expect(job.entities.subJobsTotal == 3)
        #expect(job.subJobs.map(\.status) == [.initial, .running])
    }

    @Test(arguments: [("2", 2), ("2.0", nil), ("-1", nil), ("x", nil)] as [(String, Int?)])
    func subJobsTotalAsAString(_ text: String, _ expected: Int?) throws {
        let job = try Self.decode(#"{"status":"RUNNING","entities":{"sub_jobs_total":"\#(text)"}}"#)
        #expect(job.entities.subJobsTotal == expected)
    }

    @Test(arguments: [(2.0, 2), (-1.0, nil), (1e12, nil)] as [(Double, Int?)])
    func subJobsTotalAsANumber(_ value: Double, _ expected: Int?) throws {
        let job = try Self.decode(#"{"status":"RUNNING","entities":{"sub_jobs_total":\#(value)}}"#)
        #expect(job.entities.subJobsTotal == expected)
    }

    @Test func aSubJobWithoutStatusIsKeptWithAnUnknownStatus() throws {
        let job = try Self.decode(#"{"status":"RUNNING","entities":{"sub_jobs":[{"job_id":"s1"}]}}"#)
        let sub = try #require(job.subJobs.first)
        #expect(sub.status == .other(""))
        #expect(sub.status.description == "UNKNOWN")
        #expect(!sub.status.isTerminal)
    }

    @Test func messageAndCodeOfAFailedRequestAreRead() throws {
        let job = try Self.decode(#"{"status":"FAIL","code":"BMS.0040","message":"job purged"}"#)
        #expect(job.code == "BMS.0040")
        #expect(job.message == "job purged")
    }

    @Test func aJobSurvivesACodableRoundTrip() throws {
        let job = try Self.decode(#"{"status":"ODD","job_id":"j","entities":{"server_id":"s","sub_jobs":[{"status":"FAIL"}]}}"#)
        let again = try JSONDecoder().decode(Job.self, from: JSONEncoder().encode(job))
        #expect(again == job)
    }
}
