import Foundation
import JobModel
import JobAPI
import Testing
@testable import JobSimulator

/// ECS's and EVS's lists as SERVICES.md §8 documents them: `server_id` in either form filters,
/// an ID ECS does not know comes back all null but `id` and `fault`, the unfiltered lists page.
struct LookupListTests {
    static let project = "0123456789abcdef0123456789abcdef"

    /// A rollout 15 scenario minutes in (every resource visible), with `filter`.
    static func simulator(_ filter: ServerIDFilter = .both) -> JobSimulator {
        var options = SimulatorOptions(scenario: .rollout)
        options.startOffset = 900
        options.serverIDFilter = filter
        return JobSimulator(options: options)
    }

    /// The JSON object the core answers a GET of `target` with.
    static func get(_ simulator: JobSimulator, _ target: String) throws -> [String: Any] {
        let request = ReceivedRequest(method: "GET", host: "127.0.0.1", target: target, headers: [], body: [])
        let answer = simulator.core.answer(request, requestID: "0123456789abcdef0123456789abcdef")
        #expect(answer.status == 200, "\(target): \(String(decoding: answer.body, as: UTF8.self))")
        return try #require(try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any])
    }

    static func ids(_ body: [String: Any], _ member: String) -> [String] {
        (body[member] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    static func servers(_ simulator: JobSimulator) -> [String] {
        simulator.resources.filter { $0.api == .ecsServers }.map(\.id)
    }

    @Test("server_id filters in the SDK's comma form and the docs' repeated form alike")
    func bothFormsFilter() throws {
        let simulator = Self.simulator()
        let asked = Array(Self.servers(simulator).suffix(2))
        let base = "/v1/\(Self.project)/cloudservers/detail"
        let comma = try Self.get(simulator, "\(base)?server_id=\(asked[0])%2C\(asked[1])")
        let repeated = try Self.get(simulator, "\(base)?server_id=\(asked[0])&server_id=\(asked[1])")
        #expect(Self.ids(comma, "servers") == asked)
        #expect(Self.ids(repeated, "servers") == asked)
        #expect(comma["count"] as? Int == 2)
    }

    @Test("IDs ECS does not know list no server: each comes back null but for id and fault")
    func madeUpIDs() throws {
        let simulator = Self.simulator()
        let madeUp = ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"]
        let body = try Self.get(simulator, "/v1/\(Self.project)/cloudservers/detail?server_id=\(madeUp.joined(separator: ","))")
        let servers = try #require(body["servers"] as? [[String: Any]])
        #expect(servers.compactMap { $0["id"] as? String } == madeUp)
        #expect(servers.allSatisfy { $0["name"] is NSNull && $0["status"] is NSNull && $0["fault"] is [String: Any] })
    }

    @Test("an endpoint that understands one form ignores the other and lists every server", arguments: [ServerIDFilter.repeated, .comma])
    func oneFormOnly(_ filter: ServerIDFilter) throws {
        let simulator = Self.simulator(filter)
        let all = Self.servers(simulator)
        let asked = Array(all.prefix(2))
        let other = filter == .repeated ? "server_id=\(asked[0]),\(asked[1])" : "server_id=\(asked[0])&server_id=\(asked[1])"
        let understood = filter == .repeated ? "server_id=\(asked[0])&server_id=\(asked[1])" : "server_id=\(asked[0]),\(asked[1])"
        #expect(Self.ids(try Self.get(simulator, "/v1/\(Self.project)/cloudservers/detail?\(other)"), "servers") == all)
        #expect(Self.ids(try Self.get(simulator, "/v1/\(Self.project)/cloudservers/detail?\(understood)"), "servers") == asked)
    }

    @Test("the unfiltered volume list holds the project's volumes; limit and marker page it")
    func volumeListPages() throws {
        let simulator = Self.simulator()
        let volumes = simulator.resources.filter { $0.api == .evsVolumes }.map(\.id)
        #expect(volumes.count >= 8)
        let base = "/v2/\(Self.project)/cloudvolumes/detail"
        let all = try Self.get(simulator, base)
        #expect(Self.ids(all, "volumes") == volumes)
        #expect(all["count"] as? Int == volumes.count)
        #expect(all["volumes_links"] == nil)
        let first = try Self.get(simulator, "\(base)?limit=3")
        #expect(Self.ids(first, "volumes") == Array(volumes.prefix(3)))
        #expect(first["count"] as? Int == volumes.count, "count is the total, not the page")
        let links = try #require(first["volumes_links"] as? [[String: Any]])
        #expect((links.first?["href"] as? String)?.hasSuffix("marker=\(volumes[2])") == true)
        let next = try Self.get(simulator, "\(base)?limit=3&marker=\(volumes[2])")
        #expect(Self.ids(next, "volumes") == Array(volumes[3..<6]))
        #expect(Self.ids(try Self.get(simulator, "\(base)?offset=5&limit=2"), "volumes") == Array(volumes[5..<7]))
    }

    @Test("ECS's unfiltered list pages 25 a page, offset counting pages from 1")
    func serverListPages() throws {
        let simulator = Self.simulator()
        let all = Self.servers(simulator)
        let base = "/v1/\(Self.project)/cloudservers/detail"
        #expect(Self.ids(try Self.get(simulator, base), "servers") == all)
        #expect(Self.ids(try Self.get(simulator, "\(base)?limit=1&offset=2"), "servers") == [all[1]])
        #expect(Self.ids(try Self.get(simulator, "\(base)?limit=1&offset=0"), "servers") == [all[0]])
    }

    @Test("BMS's list pages as ECS's, counting every bare-metal server")
    func bareMetalListPages() throws {
        let simulator = Self.simulator()
        let all = simulator.resources.filter { $0.api == .bmsServer }.map(\.id)
        let base = "/v1/\(Self.project)/baremetalservers/detail"
        let first = try Self.get(simulator, base)
        #expect(Self.ids(first, "servers") == Array(all.prefix(25)))
        #expect(first["count"] as? Int == all.count)
        #expect(Self.ids(try Self.get(simulator, "\(base)?limit=10&offset=2"), "servers") == Array(all[10..<20]))
    }
}
