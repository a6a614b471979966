import Foundation
import JobModel
import JobAPI
import Testing
@testable import JobSimulator

/// CCE's jobs on CCE's path only, the others on `/v1` only; a job not there is a 404 in the
/// shape of the service the path (or the known job) names.
struct ServiceRoutingTests {
    static let rollout = SimulatorOptions(scenario: .rollout)

    static func id(_ simulator: JobSimulator, _ service: Service) throws -> String {
        try #require(simulator.topLevelJobs.first { $0.service == service }?.id)
    }

    /// The core's answer to a GET of `path`, as text.
    static func answer(_ simulator: JobSimulator, _ path: String) -> (status: Int, body: String) {
        let request = ReceivedRequest(method: "GET", host: "127.0.0.1", target: path, headers: [], body: [])
        let answer = simulator.core.answer(request, requestID: "0123456789abcdef0123456789abcdef")
        return (answer.status, String(decoding: answer.body, as: UTF8.self))
    }

    @Test func routesAreParsedUnderAnyBasePath() {
        #expect(JobRoute(path: "/v1/p1/jobs/j1") == JobRoute(projectID: "p1", jobID: "j1", family: .path(Service.bms.jobPath)))
        #expect(JobRoute(path: "/gw/bms/v1/p1/jobs/j1") == JobRoute(projectID: "p1", jobID: "j1", family: .path(Service.bms.jobPath)))
        #expect(JobRoute(path: "/api/v3/projects/p1/jobs/a%2Db") == JobRoute(projectID: "p1", jobID: "a-b", family: .path(Service.cce.jobPath)))
        #expect(JobRoute(path: "/cce/api/v3/projects/p1/jobs/u1") == JobRoute(projectID: "p1", jobID: "u1", family: .path(Service.cce.jobPath)))
        #expect(JobRoute(path: "/v3/projects/p1/jobs/u1") == nil)
        // The families of FAMILIES.md, from their services' own paths.
        #expect(JobRoute(path: "/v3/p1/jobs", query: [.init("id", "d1")]) == JobRoute(projectID: "p1", jobID: "d1", family: .path(Service.rds.jobPath)))
        #expect(JobRoute(path: "/v3/p1/jobs") == nil, "the database path without its id")
        #expect(JobRoute(path: "/v2/p1/jobs/c1") == JobRoute(projectID: "p1", jobID: "c1", family: .path(Service.dcs.jobPath)))
        #expect(JobRoute(path: "/v3/p1/elb/jobs/e1") == JobRoute(projectID: "p1", jobID: "e1", family: .path(Service.elb.jobPath)))
        #expect(JobRoute(path: "/v1/p1/sfs-turbo/jobs/s1") == JobRoute(projectID: "p1", jobID: "s1", family: .path(Service.sfsturbo.jobPath)))
        #expect(JobRoute(path: "/v3/p1/operation-logs/o1") == JobRoute(projectID: "p1", jobID: "o1", family: .path(Service.cbr.jobPath)))
        #expect(JobRoute(path: "/v2/p1/instances/i1/tasks/t1") == JobRoute(projectID: "p1", jobID: "i1/t1", family: .path(Service.dms.jobPath)))
        #expect(JobRoute(path: "/api/v3/projects//jobs/u1") == nil)
    }

    @Test func cceJobsAreServedOnlyOnTheirPath() async throws {
        try await SimulatorHarness.with(Self.rollout) { h in
            let cce = try Self.id(h.simulator, .cce)
            let job = try await h.fetch(cce, service: .cce)
            #expect(job.id == cce && job.type == "CreateCluster")

            let onV1 = try #require(await h.fetchError(cce, service: .bms))
            #expect(onV1.category == .notFound)
            #expect(onV1.httpStatus == 404)
            #expect(onV1.code == "BMS.0005", "on /v1 the service of an ID it does not serve is unknown")
            #expect(await h.simulator.requestCount(jobID: cce) == 2)
        }
    }

    @Test(arguments: [Service.bms, .ecs, .evs, .ims, .vpc])
    func v1JobsAreNotServedOnCCEsPath(_ service: Service) async throws {
        try await SimulatorHarness.with(Self.rollout) { h in
            let id = try Self.id(h.simulator, service)
            h.clock.advance(by: 70)  // every one has been created by then
            let job = try await h.fetch(id, service: service)
            #expect(job.id == id)
            let onCCE = try #require(await h.fetchError(id, service: .cce))
            #expect(onCCE.httpStatus == 404)
            #expect(onCCE.category == .notFound)
            #expect(onCCE.code == "CCE.01404001")
        }
    }

    @Test func wrongPathBodiesHaveCCEsShape() throws {
        let simulator = JobSimulator(options: Self.rollout)
        let v1 = try Self.id(simulator, .ecs)
        let (status, body) = Self.answer(simulator, "/api/v3/projects/p1/jobs/\(v1)")
        #expect(status == 404)
        #expect(body == #"{"errorCode":"CCE.01404001","errorMessage":"Resource not found."}"#)
        let unknown = Self.answer(simulator, "/api/v3/projects/p1/jobs/nope")
        #expect(unknown.status == 404 && unknown.body == body)
        let cce = try Self.id(simulator, .cce)
        let onV1 = Self.answer(simulator, "/v1/p1/jobs/\(cce)")
        #expect(onV1.status == 404 && onV1.body.hasPrefix(#"{"error":{"code":"BMS.0005","#))
    }

    /// A known `/v1` job the project does not hold: the 404 is its own service's.
    @Test func notFoundBodiesHaveTheJobsServiceShape() throws {
        var options = Self.rollout
        options.projectID = SimulatorHarness.projectID
        let simulator = JobSimulator(options: options)
        func body(_ service: Service) throws -> String {
            let answer = Self.answer(simulator, "/v1/99999999999999999999999999999999/jobs/\(try Self.id(simulator, service))")
            #expect(answer.status == 404)
            return answer.body
        }
        #expect(try body(.evs).hasPrefix(#"{"itemNotFound":{"message":"The job "#))
        #expect(try body(.evs).contains(#""code":"EVS."#))
        #expect(try body(.vpc).hasPrefix(#"{"code":"VPC.0504","message":"#))
        #expect(try body(.ecs).hasPrefix(#"{"error":{"code":"Ecs."#))
        #expect(try body(.bms).hasPrefix(#"{"error":{"code":"BMS.0005","#))
        #expect(try body(.ims).hasPrefix(#"{"error":{"message":"#))
        let cce = Self.answer(simulator, "/api/v3/projects/99999999999999999999999999999999/jobs/\(try Self.id(simulator, .cce))")
        #expect(cce.status == 404 && cce.body.contains("CCE.01404001"))
    }

    /// The error bodies read back through the client: the code is found in every shape.
    @Test func theClientFindsTheCodeInEveryShape() async throws {
        var options = Self.rollout
        options.projectID = SimulatorHarness.projectID
        try await SimulatorHarness.with(options) { h in
            let other = "99999999999999999999999999999999"
            let evs = try #require(await h.fetchError(try Self.id(h.simulator, .evs), service: .evs, projectID: other))
            #expect(evs.code == "EVS.0004" && evs.category == .notFound)
            let vpc = try #require(await h.fetchError(try Self.id(h.simulator, .vpc), service: .vpc, projectID: other))
            #expect(vpc.code == "VPC.0504" && vpc.message.contains("does not exist"))
            let cce = try #require(await h.fetchError(try Self.id(h.simulator, .cce), service: .cce, projectID: other))
            #expect(cce.code == "CCE.01404001" && cce.category == .notFound)
        }
    }
}
