import Foundation
import JobModel
import JobEngine
import JobAPI
import Testing
@testable import JobSession

/// Job queries read from logs (FAMILIES.md §10): Terraform's TF_LOG=DEBUG, the Python SDK's
/// request log, curl -v; the log's other lines are skipped, never errors.
struct JobLogLineTests {
    /// Verbatim, huaweicloud/terraform-provider-huaweicloud#1944 (`: timestamp=` right after the URL).
    static let terraform = """
        2022-02-17T13:42:40.722+0800 [INFO]  provider.terraform-provider-huaweicloud_v1.32.1: 2022/02/17 13:42:40 [DEBUG] Waiting for state to become: [SUCCESS]: timestamp=2022-02-17T13:42:40.722+0800
        2022-02-17T13:42:40.723+0800 [INFO]  provider.terraform-provider-huaweicloud_v1.32.1: 2022/02/17 13:42:40 [DEBUG] API Request URL: GET https://ecs.cn-east-3.myhuaweicloud.com/v1/09cd3b636f80f4622fedc01d1d0ad29c/jobs/ff8080827e7810fb017f06338a731328: timestamp=2022-02-17T13:42:40.723+0800
        2022-02-17T13:42:40.723+0800 [INFO]  provider.terraform-provider-huaweicloud_v1.32.1: 2022/02/17 13:42:40 [DEBUG] API Request Headers:
        Host: ecs.cn-east-3.myhuaweicloud.com
        X-Project-Id: 09cd3b636f80f4622fedc01d1d0ad29c
        {
          "job_id": "not-this-one"
        }
        2022-02-17T13:42:55.800+0800 [INFO]  provider.terraform-provider-huaweicloud_v1.32.1: 2022/02/17 13:42:55 [DEBUG] API Request URL: GET https://ecs.cn-east-3.myhuaweicloud.com/v1/09cd3b636f80f4622fedc01d1d0ad29c/jobs/ff8080827e7810fb017f06338a731328: timestamp=2022-02-17T13:42:55.800+0800
        2024-03-01T10:00:00.000+0800 [INFO]  provider.terraform-provider-huaweicloud_v1.60.0: 2024/03/01 10:00:00 [DEBUG] [1709258400000-12] API Request URL: GET https://rds.cn-north-4.myhuaweicloud.com/v3/0483b6b16e954cb88930a360d2c4e663/jobs?id=a9767ede-fe0f-4888-9003-e843a4c90514: timestamp=2024-03-01T10:00:00.000+0800
        2024-03-01T10:00:01.000+0800 [INFO]  provider.terraform-provider-huaweicloud_v1.60.0: 2024/03/01 10:00:01 [DEBUG] [1709258400000-13] API Request URL: POST https://ecs.cn-north-4.myhuaweicloud.com/v1/0483b6b16e954cb88930a360d2c4e663/cloudservers: timestamp=2024-03-01T10:00:01.000+0800
        """

    @Test func terraformDebugLogsGiveTheJobsTheyWaitOn() throws {
        let parsed = try JobIDText.parse(Self.terraform, source: "tf.log")
        #expect(parsed.items.map(\.text) == ["ecs/ff8080827e7810fb017f06338a731328", "ecs/ff8080827e7810fb017f06338a731328", "rds/a9767ede-fe0f-4888-9003-e843a4c90514"])
        #expect(parsed.items[0].logged == .init(host: "ecs.cn-east-3.myhuaweicloud.com", region: "cn-east-3", projectID: "09cd3b636f80f4622fedc01d1d0ad29c"))
        #expect(parsed.items[2].logged?.region == "cn-north-4")
        #expect(parsed.notices.isEmpty)
    }

    /// The Python SDK's request log (`with_stream_log`), as run against a loopback server:
    /// no region in the host, so the path alone names the family.
    @Test func sdkRequestLogs() throws {
        let line = #"2026-12-07 04:41:54,901 140696008903552 HuaweiCloud-SDK-RdsClient http_handler.py 37 INFO "GET http://127.0.0.1:38983/v3/0483b6b16e954cb88930a360d2c4e663/jobs?id=a9767ede-fe0f-4888-9003-e843a4c90514" 200 252 0:00:00.004107 6d0a3f6c1e2b4a59b8c7d6e5f4a3b2c1"#
        let parsed = try JobIDText.parse(line, source: "sdk.log")
        // The database path is shared by five engines: on loopback only the profile can say which.
        #expect(parsed.items.map(\.id) == ["a9767ede-fe0f-4888-9003-e843a4c90514"])
        #expect(parsed.items[0].service == nil)
        let dms = try JobIDText.parse(#"2026-12-07 04:41:54,901 1 HuaweiCloud-SDK-KafkaClient http_handler.py 37 INFO "GET https://dms.eu-west-101.myhuaweicloud.eu/v2/p1/instances/i-1/tasks/t-1" 200 10 0:00:00.01 r"#, source: "sdk.log")
        #expect(dms.items.map(\.text) == ["dms/i-1/t-1"])
        #expect(dms.items[0].logged?.region == "eu-west-101")
    }

    @Test func hostsTellTheFamilyAndRegion() throws {
        func service(_ url: String) throws -> String? {
            try JobIDText.parse("x \(url) y", source: "log").items.first.map { $0.service?.name ?? "?" }
        }
        #expect(try service("https://gaussdb.tr-west-1.myhuaweicloud.com/v3/p/jobs?id=j") == "opengauss")
        #expect(try service("https://gaussdb.cn-north-4.myhuaweicloud.com/v3/p/jobs?id=j") == "taurusdb")
        #expect(try service("https://gaussdb-nosql.cn-north-4.myhuaweicloud.com/v3/p/jobs?id=j") == "geminidb")
        #expect(try service("https://vpc.cn-north-4.myhuaweicloud.com/v1/p/jobs/j") == "vpc")
        #expect(try service("https://cce.cn-north-4.myhuaweicloud.com/api/v3/projects/p/jobs/j") == "cce")
        #expect(try service("https://elb.cn-north-4.myhuaweicloud.com/v3/p/elb/jobs/j") == "elb")
        #expect(try service("https://cbr.cn-north-4.myhuaweicloud.com/v3/p/operation-logs/j") == "cbr")
        #expect(try service("http://127.0.0.1:8080/v2/p/jobs/j") == "dcs", "a path only DCS has")
        #expect(throws: JobReference.Problem.self, "not a job query") { try service("https://ecs.cn-north-4.myhuaweicloud.com/v1/p/cloudservers/s") }
    }

    @Test func curlVerboseRequestLines() throws {
        let parsed = try JobIDText.parse("""
            *   Trying 192.0.2.10:443...
            > GET /api/v3/projects/p1/jobs/3a6c1e2d-0000-4000-8000-000000000001 HTTP/1.1
            > Host: cce.cn-north-4.myhuaweicloud.com
            < HTTP/1.1 200 OK
            """, source: "curl.txt")
        #expect(parsed.items.map(\.text) == ["cce/3a6c1e2d-0000-4000-8000-000000000001"])
    }

    /// A jobs file stays a jobs file: plain IDs before any log line, and a URL that is no job
    /// query is a mistake said in one line.
    @Test func plainJobsFilesAreReadAsBefore() throws {
        let parsed = try JobIDText.parse("ff8080827e7810fb017f06338a731328 web\necs/ff8080827e7810fb017f06338a731329\n", source: "jobs.txt")
        #expect(parsed.items.map(\.text) == ["ff8080827e7810fb017f06338a731328", "ecs/ff8080827e7810fb017f06338a731329"])
        #expect(throws: JobReference.Problem.self) { try JobIDText.parse("https://example.com/not/a/job\n", source: "jobs.txt") }
    }

    @Test func aLoggedProjectOtherThanTheProfilesIsSaid() throws {
        let item = try #require(try JobIDText.parse(Self.terraform, source: "tf.log").items.first)
        var profile = ProfileTarget(name: "prod", endpoint: Endpoint(scheme: "https", host: "ecs.cn-east-3.myhuaweicloud.com", port: nil, basePath: ""), projectID: "09cd3b636f80f4622fedc01d1d0ad29c", credential: .none)
        #expect(LoggedPlaceCheck.notice(for: item, profile: profile, place: "tf.log") == nil)
        profile.projectID = "0483b6b16e954cb88930a360d2c4e663"
        let notice = try #require(LoggedPlaceCheck.notice(for: item, profile: profile, place: "tf.log"))
        #expect(notice.contains("--project-id 09cd3b636f80f4622fedc01d1d0ad29c"), "\(notice)")
        profile.projectID = "09cd3b636f80f4622fedc01d1d0ad29c"
        profile.endpoint = Endpoint(scheme: "https", host: "ecs.cn-north-4.myhuaweicloud.com", port: nil, basePath: "")
        #expect(LoggedPlaceCheck.notice(for: item, profile: profile, place: "tf.log")?.contains("--region cn-east-3") == true)
        profile.endpoint = Endpoint(scheme: "http", host: "127.0.0.1", port: 8080, basePath: "")
        #expect(LoggedPlaceCheck.notice(for: item, profile: profile, place: "tf.log") == nil, "--endpoint decides where to connect")
    }

    /// A jobs file that Terraform writes as it runs: its log lines are skipped, its job queries
    /// watched, and a long response body is no "line too long" problem.
    @Test func aFollowedLogSkipsItsOtherLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobwatch-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("tf.log").path
        let long = String(repeating: "x", count: JobsFileFollower.maxLineBytes + 10)
        try (Self.terraform + "\n" + long + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var reader = JobsFileFollower.Reader(path: path)
        let updates = reader.poll()
        #expect(updates.first == .jobs(try JobIDText.parse(Self.terraform, source: "tf.log").items), "\(updates)")
        #expect(updates.count == 1, "no problems for the log's other lines: \(updates)")
    }
}

extension JobLogLineTests {
    /// A creation response on one line, spaced as `jq -c` does not but a person might: JSON, not curl.
    @Test func spacedJSONLinesAreStillCreationResponses() throws {
        let parsed = try JobIDText.parse(#"{ "job_id": "ff8080827e7810fb017f06338a731328" }"# + "\n", source: "jobs.txt")
        #expect(parsed.items.map(\.id) == ["ff8080827e7810fb017f06338a731328"])
    }
}
