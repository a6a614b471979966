import JobAPI
@testable import JobEngine
import Testing

/// Which names go in one request: a list's batch, or one GET each.
struct LookupBatchesTests {
    static func keys(_ api: LookupAPI, _ count: Int) -> [ResourceKey] {
        (0..<count).map { ResourceKey(api: api, endpoint: "127.0.0.1:8001", projectID: "p", id: "id-\($0)") }
    }

    @Test func bmsServersAskedTogetherForTheFirstTimeGoInOneListRead() {
        let keys = Self.keys(.bmsServer, 24)
        let batches = LookupBatches.batches(.bmsServer, keys) { _ in true }
        #expect(batches == [keys])
    }

    @Test func aFewBMSServersAreOneGETEach() {
        let keys = Self.keys(.bmsServer, LookupBatches.listThreshold - 1)
        #expect(LookupBatches.batches(.bmsServer, keys) { _ in true } == keys.map { [$0] })
    }

    @Test func whatTheListDidNotHaveIsAskedAloneAfterwards() {
        let keys = Self.keys(.bmsServer, 6)
        let retried: Set<ResourceKey> = [keys[1], keys[4]]
        let batches = LookupBatches.batches(.bmsServer, keys) { !retried.contains($0) }
        #expect(batches.first == keys.filter { !retried.contains($0) })
        #expect(Array(batches.dropFirst()) == [[keys[1]], [keys[4]]])
    }

    @Test func filteredAPIsAreChunkedByTheirLimit() {
        let keys = Self.keys(.evsVolumes, 130)
        #expect(LookupBatches.batches(.evsVolumes, keys) { _ in false }.map(\.count) == [60, 60, 10])
    }
}
