import Foundation
import JobModel
import JobAPI
@testable import JobEngine
import Testing

/// Which endpoint each service's jobs are read from, and what identifies them.
struct ServiceRoutingTests {
    @Test func eachServiceHasItsHostInARegion() throws {
        #expect(try RegionEndpoint.endpoint(service: .ecs, region: "cn-north-4", environment: [:]).host == "ecs.cn-north-4.myhuaweicloud.com")
        #expect(try RegionEndpoint.endpoint(service: .vpc, region: "cn-north-4", environment: [:]).host == "vpc.cn-north-4.myhuaweicloud.com")
        #expect(try RegionEndpoint.endpoint(service: .cce, region: "eu-west-101", environment: [:]).host == "cce.eu-west-101.myhuaweicloud.eu")
        #expect(try RegionEndpoint.endpoint(service: .ecs, region: "eu-west-101", environment: [:]).host == "ecs.eu-west-101.myhuaweicloud.com")
    }

    @Test func theSDKsRegionVariablesOverrideTheHost() throws {
        let environment = [
            "HUAWEICLOUD_SDK_REGION_ECS_CN_NORTH_4": "https://127.0.0.1:9443,https://127.0.0.2:9443",
            "HUAWEICLOUD_SDK_REGION_EIP_CN_NORTH_4": "https://127.0.0.3:9443",
        ]
        let ecs = try RegionEndpoint.endpoint(service: .ecs, region: "cn-north-4", environment: environment)
        #expect(ecs.host == "127.0.0.1" && ecs.port == 9443, "the first of the list serves")
        #expect(try RegionEndpoint.endpoint(service: .vpc, region: "cn-north-4", environment: environment).host == "127.0.0.3", "EIP's name counts for vpc")
        #expect(try RegionEndpoint.endpoint(service: .bms, region: "cn-north-4", environment: environment).host == "bms.cn-north-4.myhuaweicloud.com")
        #expect(throws: Endpoint.Problem.self) {
            try RegionEndpoint.endpoint(service: .ecs, region: "cn-north-4", environment: ["HUAWEICLOUD_SDK_REGION_ECS_CN_NORTH_4": "not a url"])
        }
    }

    @Test func aProfilesJobsGoToTheirServicesEndpoint() throws {
        var profile = ProfileTarget(name: "p", endpoint: try Endpoint(parsing: "http://127.0.0.1:8001"), projectID: "proj", credential: .none)
        profile.service = .ecs
        profile.endpoints = [.ecs: try Endpoint(parsing: "http://127.0.0.1:8001"), .cce: try Endpoint(parsing: "http://127.0.0.1:8002")]
        #expect(profile.key(for: "a") == JobKey(service: .ecs, endpoint: "127.0.0.1:8001", projectID: "proj", jobID: "a"))
        #expect(profile.key(for: "a", service: .cce) == JobKey(service: .cce, endpoint: "127.0.0.1:8002", projectID: "proj", jobID: "a"))
        #expect(JobRoute(profile: profile, service: .ecs).budgetKey != JobRoute(profile: profile, service: .cce).budgetKey, "two hosts: two budgets")
        #expect(JobRoute(profile: profile, service: .ecs).budgetKey == JobRoute(profile: profile, service: .bms).budgetKey, "one host: one budget, as the gateway counts")
    }

    @Test func theSameIDOfAnotherServiceIsAnotherJob() throws {
        let ecs = JobKey(service: .ecs, endpoint: "h:443", projectID: "p", jobID: "x")
        let evs = JobKey(service: .evs, endpoint: "h:443", projectID: "p", jobID: "x")
        #expect(ecs != evs)
        let decoded = try JSONDecoder().decode(JobKey.self, from: JSONEncoder().encode(ecs))
        #expect(decoded == ecs)
        let older = try JSONDecoder().decode(JobKey.self, from: Data(#"{"endpoint":"h:443","projectID":"p","jobID":"x"}"#.utf8))
        #expect(older.service == .bms, "keys saved before services were all BMS")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(JobKey.self, from: Data(#"{"service":"nope","endpoint":"h:443","projectID":"p","jobID":"x"}"#.utf8))
        }
    }

    @Test func statusWordsAreKeptAndMeanTheSameAcrossServices() {
        let cce = JobStatus(raw: "Success", words: Service.cce.statusWords)
        #expect(cce == .success && cce.word == "Success" && cce.isTerminal)
        #expect(JobStatus(raw: "Initializing", words: Service.cce.statusWords).outcome == .initial)
        #expect(JobStatus(raw: "Failed", words: Service.cce.statusWords).outcome == .fail)
        #expect(JobStatus(raw: "FAILED", words: Service.bms.statusWords).outcome == .unknown, "BMS does not document FAILED: polled on")
        #expect(JobStatus(raw: "PENDING_PAYMENT", words: Service.ecs.statusWords).outcome == .pendingPayment)
        #expect(!JobStatus.pendingPayment.isTerminal)
    }

    @Test func nestedSubJobsAreFlattenedInTreeOrder() {
        let grandchild = Job(id: "c1", type: "InstallNode", status: .running)
        var child = Job(id: "b1", type: "CreateNode", status: .running)
        child.entities.subJobs = [grandchild]
        let job = Job(id: "a", status: .running, entities: JobEntities(subJobs: [child, Job(id: "b2", status: .success)])).flatteningSubJobs()
        #expect(job.subJobs.map(\.id) == ["b1", "c1", "b2"])
        #expect(job.subJobs.map(\.nesting) == [nil, 1, nil])
        #expect(job.subJobs[1].parentID == "b1")
        let flat = Job(id: "a", status: .running, entities: JobEntities(subJobs: [Job(id: "b", status: .running)]))
        #expect(flat.flatteningSubJobs() == flat, "a flat batch is left as it is")
    }
}

/// A profile that names endpoints per service reaches only those services.
struct ProfileServiceReachTests {
    static func cceOnly() throws -> ProfileTarget {
        var profile = ProfileTarget(name: "k8s", endpoint: try Endpoint(parsing: "http://127.0.0.1:8002"), projectID: "proj", credential: .none)
        profile.service = .cce
        profile.endpoints = [.cce: try Endpoint(parsing: "http://127.0.0.1:8002")]
        return profile
    }

    @Test func aJobOfAServiceTheProfileHasNoEndpointForIsRefused() async throws {
        let engine = Engine(profiles: [try Self.cceOnly()], client: FakeJobs(clock: .continuous, servers: 0))
        await #expect(throws: Engine.AddProblem.noEndpoint(profile: "k8s", .ecs)) {
            try await engine.add([WatchEntry(profile: "k8s", jobID: "abc", service: .ecs)])
        }
        let added = try await engine.add([WatchEntry(profile: "k8s", jobID: "5ec1518c-87db-11ec-b5e5-0255ac101514")])
        #expect(added.first?.service == .cce)
        #expect(Engine.AddProblem.noEndpoint(profile: "k8s", .ecs).description.contains("add \"ecs\" to its endpoints"))
    }

    @Test func aProfileWithOneURLServesEveryService() throws {
        let profile = ProfileTarget(name: "p", endpoint: try Endpoint(parsing: "http://127.0.0.1:8001"), projectID: "proj", credential: .none)
        #expect(Service.all.allSatisfy(profile.serves))
        #expect(!(try Self.cceOnly()).serves(.ecs))
    }

    @Test func aSavedJobOfAServiceTheProfileNoLongerReachesIsKeptDetached() throws {
        let key = JobKey(service: .ecs, endpoint: "127.0.0.1:8002", projectID: "proj", jobID: "abc")
        let file = StateFile(savedAt: Date(), jobs: [.init(profile: "k8s", key: key, jobID: "abc", label: nil, job: nil, readAt: nil)], events: [])
        let restored = Engine.restoring(file, routes: RouteTable([try Self.cceOnly()]), now: .zero)
        let record = try #require(restored.records[key])
        #expect(record.route == nil && record.nextDue == nil)
        #expect(record.state.detachedReason == "profile \"k8s\" has no endpoint for ecs now")
    }
}

