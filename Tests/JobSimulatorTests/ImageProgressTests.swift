import Foundation
import JobModel
import JobAPI
import Testing
@testable import JobSimulator

/// IMS ShowJobProgress, `GET /v1/cloudimages/job/{job_id}` (SERVICES.md §3): no project in the
/// path, the example's fields, IMS jobs only.
struct ImageProgressTests {
    static func answer(_ simulator: JobSimulator, _ path: String, headers: [SigningRequest.Header] = []) -> (status: Int, body: [String: Any]) {
        let request = ReceivedRequest(method: "GET", host: "127.0.0.1", target: path, headers: headers, body: [])
        let answer = simulator.core.answer(request, requestID: "0123456789abcdef0123456789abcdef")
        return (answer.status, (try? JSONSerialization.jsonObject(with: Data(answer.body))) as? [String: Any] ?? [:])
    }

    static func simulator(offset: Double, projectID: String? = nil) -> JobSimulator {
        var options = SimulatorOptions(scenario: .rollout, projectID: projectID)
        options.startOffset = offset
        return JobSimulator(options: options)
    }

    @Test("a running image job's progress: status, fraction, task, image, ISO times")
    func running() throws {
        let simulator = Self.simulator(offset: 0)
        let ims = try #require(simulator.topLevelJobs.first { $0.service == .ims })
        let (status, body) = Self.answer(simulator, "/v1/cloudimages/job/\(ims.id)")
        #expect(status == 200)
        #expect(body["job_id"] as? String == ims.id)
        #expect(body["job_type"] as? String == ims.type)
        #expect(body["status"] as? String == "RUNNING")
        #expect(body["end_time"] as? String == "")
        #expect((body["begin_time"] as? String)?.hasSuffix("Z") == true)
        #expect(body["error_code"] is NSNull)
        let entities = try #require(body["entities"] as? [String: Any])
        let percent = try #require(entities["process_percent"] as? Double)
        #expect(percent > 0 && percent < 1)
        #expect(entities["image_name"] as? String == "web-golden-2026-05")
        #expect(entities["image_id"] is String)
        #expect(entities["current_task"] as? String == "CreateImageByInstanceTask")
    }

    @Test("done, it is SUCCESS at 1.0 and says when it ended")
    func finished() throws {
        let simulator = Self.simulator(offset: 900)
        let ims = try #require(simulator.topLevelJobs.first { $0.service == .ims })
        let (status, body) = Self.answer(simulator, "/gw/ims/v1/cloudimages/job/\(ims.id)")
        #expect(status == 200)
        #expect(body["status"] as? String == "SUCCESS")
        #expect((body["entities"] as? [String: Any])?["process_percent"] as? Double == 1)
        #expect((body["end_time"] as? String)?.isEmpty == false)
    }

    @Test("another service's job, or another project's X-Project-Id, is IMS's 404")
    func notServed() throws {
        let simulator = Self.simulator(offset: 900, projectID: "p1")
        let ecs = try #require(simulator.topLevelJobs.first { $0.service == .ecs })
        let ims = try #require(simulator.topLevelJobs.first { $0.service == .ims })
        let other = Self.answer(simulator, "/v1/cloudimages/job/\(ecs.id)")
        #expect(other.status == 404)
        #expect((other.body["error"] as? [String: Any])?["code"] as? String == "IMG.0001")
        #expect(Self.answer(simulator, "/v1/cloudimages/job/\(ims.id)", headers: [.init("X-Project-Id", "p2")]).status == 404)
        #expect(Self.answer(simulator, "/v1/cloudimages/job/\(ims.id)", headers: [.init("X-Project-Id", "p1")]).status == 200)
    }
}
