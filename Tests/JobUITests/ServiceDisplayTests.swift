import Foundation
import JobModel
@testable import JobUI
import Testing

/// How jobs of several services read on screen, in `get` and in JSON.
struct ServiceDisplayTests {
    static func key(_ service: Service, _ id: String) -> JobKey {
        JobKey(service: service, endpoint: "127.0.0.1:8080", projectID: "p", jobID: id)
    }

    /// A CCE cluster job whose node sub-job has its own sub-job (flattened as the client does).
    static var cceCluster: JobState {
        let install = Job(id: "node-install", type: "InstallNode", status: JobStatus(word: "Failed", outcome: .fail), failReason: "no free IP addresses in the subnet")
        var node = Job(id: "node-create", type: "CreateNode", status: JobStatus(word: "Failed", outcome: .fail))
        node.entities.subJobs = [install]
        let job = Job(
            id: "5ec1518c-87db-11ec-b5e5-0255ac101514", type: "CreateCluster", status: JobStatus(word: "Failed", outcome: .fail),
            beginTime: Fixtures.t0, endTime: Fixtures.t0.addingTimeInterval(120), failReason: "node install failed",
            entities: JobEntities(subJobs: [node], attributes: [EntityAttribute(key: "resource_name", value: "prod-k8s")])
        ).flatteningSubJobs()
        return JobState(entry: WatchEntry(profile: "prod", jobID: job.id!), key: key(.cce, job.id!), job: job, readAt: Fixtures.now, health: .fresh)
    }

    static var ecsBatch: JobState {
        let job = Job(id: "ff8080827e7810fb017f06338a731328", type: "createServer", status: .running, beginTime: Fixtures.t0,
                      entities: JobEntities(subJobsTotal: 1, subJobs: [Job(id: "ff8080827e7810fb017f06338ae3132c", type: "createSingleServer", status: .running, beginTime: Fixtures.t0)]))
        return JobState(entry: WatchEntry(profile: "prod", jobID: job.id!), key: key(.ecs, job.id!), job: job, readAt: Fixtures.now, health: .fresh)
    }

    static var image: JobState {
        let job = Job(id: "ff80808280c204e30180d2784c3c0d86", type: "imsCreateImageByInstance", status: .running, beginTime: Fixtures.t0,
                      entities: JobEntities(attributes: [EntityAttribute(key: "image_name", value: "web-golden")], progress: 0.4))
        return JobState(entry: WatchEntry(profile: "prod", jobID: job.id!), key: key(.ims, job.id!), job: job, readAt: Fixtures.now, health: .fresh)
    }

    @Test func titlesCarryTheServiceTagAndTheResource() {
        #expect(JobTitle.of(Self.cceCluster, tagged: true) == "CCE create cluster prod-k8s")
        #expect(JobTitle.of(Self.ecsBatch, tagged: true) == "ECS create servers")
        #expect(JobTitle.of(Self.image, tagged: true) == "IMS image from server web-golden")
        #expect(JobTitle.of(Fixtures.failedBatch, tagged: false) == "create servers")
        #expect(!JobTitle.tagsServices(Fixtures.snapshot()), "a BMS-only watch reads as before")
        #expect(JobTitle.tagsServices(Fixtures.snapshot([Fixtures.failedBatch, Self.ecsBatch])))
    }

    @Test func theTreeShowsTagsAndNestsCCESubJobsDeeper() {
        var state = Fixtures.state(width: 120, height: 30)
        let snapshot = Fixtures.snapshot([Fixtures.failedBatch, Self.ecsBatch, Self.cceCluster, Self.image])
        state.foldOverrides[snapshot.nodeID(of: NodeRef(job: 2))] = true
        let lines = Fixtures.render(snapshot, state, width: 120, height: 30).lines
        #expect(lines.contains { $0.contains("BMS create servers") })
        #expect(lines.contains { $0.contains("ECS create servers") })
        let cce = lines.firstIndex { $0.contains("CCE create cluster") }
        let node = lines.firstIndex { $0.contains("create node") }
        let install = lines.firstIndex { $0.contains("install node") }
        #expect(cce != nil && node != nil && install != nil)
        if let node, let install {
            let indent = { (line: String) in line.prefix { $0 == " " }.count }
            #expect(indent(lines[install]) > indent(lines[node]), "the InstallNode sub-job sits under CreateNode")
        }
        #expect(lines.contains { $0.contains("IMS image from") && $0.contains("40 %") }, "IMS progress shows")
    }

    @Test func theFilterCyclesThroughServicesWhenThereAreSeveral() {
        let services: [Service] = [.bms, .ecs, .cce]
        var filter = Filter.all
        var seen: [String] = []
        for _ in 0..<8 {
            filter = filter.next(services: services)
            seen.append(filter.name)
        }
        #expect(seen == ["failed", "running", "slow", "BMS", "ECS", "CCE", "all", "failed"])
        #expect(Filter.slow.next(services: [.bms]) == .all, "one service: no service filters")

        var state = Fixtures.state(width: 120, height: 30)
        state.filter = .service(.ecs)
        let lines = Fixtures.render(Fixtures.snapshot([Fixtures.failedBatch, Self.ecsBatch, Self.cceCluster]), state, width: 120, height: 30).lines
        #expect(lines.contains { $0.contains("ECS create servers") })
        #expect(!lines.contains { $0.contains("BMS create servers") || $0.contains("CCE create") })
    }

    @Test func searchFindsJobsByService() {
        let snapshot = Fixtures.snapshot([Fixtures.failedBatch, Self.ecsBatch, Self.cceCluster])
        let hits = Search.matches("cce", snapshot, filter: .all).filter(\.isJob).map(\.job)
        #expect(hits == [2])
    }

    @Test func plainGetNamesTheServiceAndNests() {
        let lines = PlainTree.lines(for: [Fixtures.failedBatch, Self.cceCluster], now: Fixtures.now, timeZone: TimeZone(identifier: "UTC")!, unicode: true)
        #expect(lines.contains { $0.hasPrefix("✖ BMS create servers") })
        #expect(lines.contains { $0.hasPrefix("✖ CCE create cluster prod-k8s") && $0.contains("Failed") }, "the status word is CCE's own")
        #expect(lines.contains { $0.contains("reason: ") && $0.contains("no free IP addresses") }, "the CCE reason is visible")
        let node = lines.firstIndex { $0.contains("create node") }
        let install = lines.firstIndex { $0.contains("install node") }
        #expect(node != nil && install != nil)
        if let node, let install {
            #expect(lines[install].firstIndex(of: "✖")! > lines[node].firstIndex(of: "✖")!)
        }
        let bmsOnly = PlainTree.lines(for: [Fixtures.failedBatch], now: Fixtures.now, timeZone: TimeZone(identifier: "UTC")!, unicode: true)
        #expect(bmsOnly.first?.hasPrefix("✖ create servers") == true)
    }

    @Test func jsonCarriesServiceWordAndOutcome() throws {
        let text = JSONReport.document([Self.cceCluster, Self.image], now: Fixtures.now)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let jobs = try #require(json["jobs"] as? [[String: Any]])
        #expect(jobs.map { $0["service"] as? String } == ["cce", "ims"])
        let cce = try #require(jobs[0]["job"] as? [String: Any])
        #expect(cce["status"] as? String == "Failed")
        #expect(cce["outcome"] as? String == "failed")
        let subs = try #require(cce["sub_jobs"] as? [[String: Any]])
        #expect(subs.count == 2)
        #expect(subs[1]["nesting"] as? Int == 1)
        #expect(subs[1]["parent_id"] as? String == "node-create")
        let ims = try #require(jobs[1]["job"] as? [String: Any])
        #expect(ims["progress"] as? Double == 0.4)
        #expect(ims["outcome"] as? String == "running")
    }
}
