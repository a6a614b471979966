import JobAPI
@testable import JobEngine
import Testing

/// The queue batches a lane lazily, batch by batch, exactly as `LookupBatches` cuts all of it.
struct LookupQueueTests {
    static func group(_ api: LookupAPI) -> LookupGroup {
        LookupGroup(api: api, endpoint: "127.0.0.1:8001", projectID: "p", profile: "test")
    }

    /// Queues `keys` due now (in a shuffled order), promotes them, and drains the lane.
    static func drained(_ api: LookupAPI, _ keys: [ResourceKey], retried: Set<ResourceKey>) -> [[ResourceKey]] {
        var queue = LookupQueue()
        var random = SystemRandomNumberGenerator()
        for key in keys.shuffled(using: &random) { queue.enqueue(key, dueAt: .zero) }
        queue.promote(now: .zero) { key in (group(api), fresh: !retried.contains(key)) }
        let plan = queue.plan(group(api))
        var batches: [[ResourceKey]] = []
        while let size = queue.nextBatchSize(group(api), plan) {
            batches.append(queue.takeBatch(group(api), plan, size: size))
        }
        return batches
    }

    @Test(arguments: [LookupAPI.bmsServer, .evsVolumes, .ecsServers])
    func batchesAreLookupBatches(api: LookupAPI) {
        for count in [1, 2, 3, 5, 24, 130, 1_200] {
            let keys = LookupBatchesTests.keys(api, count)
            for retriedEvery in [0, 2, 3] {
                let retried = Set(keys.enumerated().filter { retriedEvery > 0 && $0.offset % retriedEvery == 0 }.map(\.element))
                let expected = LookupBatches.batches(api, keys.sorted()) { !retried.contains($0) }
                #expect(Self.drained(api, keys, retried: retried) == expected, "\(api) \(count) keys, every \(retriedEvery)th retried")
            }
        }
    }

    @Test func namesNotDueWaitAndAReplacedEntryIsSkipped() {
        let keys = LookupBatchesTests.keys(.evsVolumes, 3)
        var queue = LookupQueue()
        queue.enqueue(keys[0], dueAt: .seconds(10))
        queue.enqueue(keys[1], dueAt: .seconds(5))
        queue.enqueue(keys[2], dueAt: .seconds(20))
        // Asked again sooner: the entry at 20 s no longer counts.
        queue.enqueue(keys[2], dueAt: .seconds(1))
        queue.remove(keys[1])
        #expect(queue.nextDue() == .seconds(1))
        #expect(queue.waitingCount == 2)
        let group = Self.group(.evsVolumes)
        queue.promote(now: .seconds(10)) { _ in (group, fresh: true) }
        #expect(queue.waitingCount == 0)
        #expect(queue.nextDue() == nil)
        #expect(queue.takeBatch(group, queue.plan(group), size: 5) == [keys[0], keys[2]])
        #expect(queue.readyLanes.isEmpty)
    }
}
