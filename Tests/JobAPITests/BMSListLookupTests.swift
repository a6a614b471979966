import Foundation
import Testing
import JobModel
@testable import JobAPI
import JobSimulator

/// BMS has no ID filter: many servers are named from pages of its list, over real HTTP to the
/// simulator, which pages it as documented (`offset` the page from 1, `limit` its size).
struct BMSListLookupTests {
    @Test("many BMS servers are named by one request of the list")
    func manyServersOneRequest() async throws {
        try await LookupNetworkTests.withSimulator { simulator, lookups, endpoint in
            var asked: [String] = []
            for resource in simulator.resources where resource.api == .bmsServer && asked.count < 10 { asked.append(resource.id) }
            #expect(asked.count == 10)
            let found = try await lookups.lookUp(asked + ["00000000-0000-0000-0000-00000000dead"], at: LookupNetworkTests.target(.bmsServer, endpoint), credential: LookupNetworkTests.credential)
            #expect(Set(found.resources.keys) == Set(asked), "the made-up one is not named")
            #expect(found.requests == 1, "every server of the scenario fits one page")
            #expect(await simulator.lookupRequestCount(.bmsServer) == 1)
        }
    }

    @Test("the simulator pages BMS's list as documented")
    func paging() async throws {
        try await LookupNetworkTests.withSimulator { simulator, _, endpoint in
            let client = JobClient()
            func page(_ query: [SigningRequest.QueryItem]) async throws -> (count: Int, ids: [String]) {
                let answer = try await client.exchange(
                    endpoint: endpoint, path: "/v1/\(LookupNetworkTests.projectID)/baremetalservers/detail", query: query,
                    scope: .project(LookupNetworkTests.projectID), network: .direct, credential: LookupNetworkTests.credential, now: Date())
                #expect(answer.status == 200)
                let json = try JSONValue.parse(answer.body)
                guard case .number(let count)? = json["count"], case .array(let servers)? = json["servers"] else { return (-1, []) }
                return (Int(count), servers.compactMap { if case .string(let id)? = $0["id"] { id } else { nil } })
            }
            let total = simulator.resources.count { $0.api == .bmsServer }
            // Shut down on every path: a client dropped unshut stops the whole test process.
            do {
                let first = try await page([.init("limit", "5"), .init("offset", "1")])
                let second = try await page([.init("limit", "5"), .init("offset", "2")])
                #expect(first.count == total && first.ids.count == 5 && second.ids.count == 5)
                #expect(Set(first.ids).isDisjoint(with: second.ids))
                #expect(try await page([]).ids.count == min(25, total), "no offset, no limit: 25 a page")
                #expect(try await page([.init("offset", "1")]).ids.count == total, "an offset without a limit: 1000 a page")
            } catch {
                Issue.record("\(error)")
            }
            await client.shutdown()
        }
    }
}
