import Foundation
import Testing
import JobModel
@testable import JobUI

/// Looked-up names in the tree, the detail pane, search, plain `get` and `get --json`.
struct ResourceNameTests {
    static let serverID = "bae51750-0089-41a1-9b18-5c777978ff6d"
    static let web07 = Resource(kind: .server, id: serverID, name: "web-07", status: "ACTIVE", fixedAddress: "192.0.2.17", floatingAddress: "198.51.100.7", availabilityZone: "cn-north-4a")

    static var named: JobState {
        var state = Fixtures.failedBatch
        state.resources[serverID] = web07
        return state
    }

    @Test func theSubJobRowShowsTheNameAndAddress() {
        var view = Fixtures.state(width: 120, height: 30)
        let snapshot = Fixtures.snapshot([Self.named])
        view.foldOverrides[snapshot.nodeID(of: NodeRef(job: 0))] = true
        let lines = Fixtures.render(snapshot, view, width: 120, height: 30).lines
        #expect(lines.contains { $0.contains("create server  web-07") }, "\(lines.joined(separator: "\n"))")

        let unnamed = Fixtures.render(Fixtures.snapshot([Fixtures.failedBatch]), view, width: 120, height: 30).lines
        #expect(!unnamed.contains { $0.contains("web-07") })
    }

    @Test func theDetailPaneShowsIDNameStatusAddressesAndZone() {
        var view = Fixtures.state(width: 120, height: 40)
        let snapshot = Fixtures.snapshot([Self.named])
        view.foldOverrides[snapshot.nodeID(of: NodeRef(job: 0))] = true
        view.showDetail = true
        view.selection = snapshot.nodeID(of: NodeRef(job: 0, subJob: 0))
        let lines = Fixtures.render(snapshot, view, width: 120, height: 40).lines
        let start = lines.firstIndex { $0.hasPrefix("─ details") } ?? lines.count
        let pane = lines[start...].joined(separator: "\n")
        #expect(pane.contains(Self.serverID))
        #expect(pane.contains("web-07"))
        #expect(pane.contains("ACTIVE"))
        #expect(pane.contains("192.0.2.17 (fixed)") && pane.contains("198.51.100.7 (floating)"))
        #expect(pane.contains("cn-north-4a"), "\(pane)")
    }

    @Test func searchFindsASubJobByItsServerName() {
        let hits = Search.matches("web-07", Fixtures.snapshot([Fixtures.runningBatch, Self.named]), filter: .all)
        #expect(hits.contains(NodeRef(job: 1, subJob: 0)))
        #expect(Search.matches("web-07", Fixtures.snapshot([Fixtures.failedBatch]), filter: .all).isEmpty)
    }

    @Test func plainGetShowsTheName() {
        let lines = PlainTree.lines(for: [Self.named], now: Fixtures.now, timeZone: TimeZone(identifier: "UTC")!, unicode: true)
        #expect(lines.contains { $0.contains("create server  web-07  192.0.2.17") && $0.contains("2c9eb2c5544cbf6101544f0635672b60") })
    }

    @Test func jsonAddsResourcesToTheSubJob() throws {
        let text = JSONReport.document([Self.named], now: Fixtures.now)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let job = try #require((json["jobs"] as? [[String: Any]])?.first?["job"] as? [String: Any])
        #expect(job["resources"] == nil, "the batch itself names no server")
        let subs = try #require(job["sub_jobs"] as? [[String: Any]])
        let resources = try #require(subs[0]["resources"] as? [[String: Any]])
        #expect(resources.count == 1)
        #expect(resources[0]["kind"] as? String == "server")
        #expect(resources[0]["id"] as? String == Self.serverID)
        #expect(resources[0]["name"] as? String == "web-07")
        #expect(resources[0]["status"] as? String == "ACTIVE")
        #expect(resources[0]["addresses"] as? [String] == ["192.0.2.17", "198.51.100.7"])
        #expect(resources[0]["availability_zone"] as? String == "cn-north-4a")
        #expect(subs[1]["resources"] == nil)
    }
}
