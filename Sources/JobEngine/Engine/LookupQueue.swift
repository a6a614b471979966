import JobAPI
import JobModel

/// The names still to ask, lane by lane (a lane is a `LookupGroup`: one API, endpoint,
/// project and signing profile), so that a schedule pass looks at the batches it sends and at
/// each lane's first, never at every name waiting. Names not due yet wait by due time; once
/// due they are ready in their lane in key order, those never asked apart from those asked
/// before (BMS lists the first in one request, `LookupBatches`).
///
/// A name has at most one live entry, the one queued last (its ticket): others are skipped
/// when they come up, and dropped in bulk when they outnumber the live ones.
struct LookupQueue: Sendable {
    private struct Waiting: Comparable, Sendable {
        var dueAt: Duration
        var ticket: UInt64
        var key: ResourceKey

        static func < (a: Waiting, b: Waiting) -> Bool { (a.dueAt, a.ticket) < (b.dueAt, b.ticket) }
        static func == (a: Waiting, b: Waiting) -> Bool { a.ticket == b.ticket }
    }

    private struct Ready: Comparable, Sendable {
        var key: ResourceKey
        var ticket: UInt64

        static func < (a: Ready, b: Ready) -> Bool { (a.key, a.ticket) < (b.key, b.ticket) }
        static func == (a: Ready, b: Ready) -> Bool { a.ticket == b.ticket }
    }

    private struct Lane: Sendable {
        var fresh = MinHeap<Ready>()
        var retried = MinHeap<Ready>()
        var freshCount = 0
        var retriedCount = 0
    }

    private enum Place: Sendable, Equatable {
        case waiting
        case ready(LookupGroup, fresh: Bool)
    }

    /// How one pass cuts a lane into batches (`LookupBatches.batches`).
    enum Plan: Sendable, Equatable {
        /// BMS with 3 or more never asked: those in list requests first, then one GET each.
        case freshLists
        /// One each, in key order.
        case singles
        /// As many as a request holds, in key order.
        case chunks
    }

    private var waiting = MinHeap<Waiting>()
    private var lanes: [LookupGroup: Lane] = [:]
    private var live: [ResourceKey: (ticket: UInt64, place: Place)] = [:]
    private var lastTicket: UInt64 = 0
    private var entries = 0
    /// Live entries still waiting.
    private(set) var waitingCount = 0

    /// The lanes with names ready, batched APIs first (more names for each request).
    var readyLanes: [LookupGroup] {
        lanes.filter { $0.value.freshCount + $0.value.retriedCount > 0 }.keys
            .sorted { a, b in a.api.batchLimit != b.api.batchLimit ? a.api.batchLimit > b.api.batchLimit : a < b }
    }

    /// A name may be asked from `dueAt` on, in place of its entry, if any.
    mutating func enqueue(_ key: ResourceKey, dueAt: Duration) {
        leave(key)
        lastTicket += 1
        live[key] = (lastTicket, .waiting)
        waiting.insert(Waiting(dueAt: dueAt, ticket: lastTicket, key: key))
        waitingCount += 1
        entries += 1
        if entries > 2 * live.count + 64 { compact() }
    }

    /// A name is not to be asked now (asked, named, given up, forgotten).
    mutating func remove(_ key: ResourceKey) {
        leave(key)
        live[key] = nil
    }

    /// Whether a name has an entry.
    func isQueued(_ key: ResourceKey) -> Bool {
        live[key] != nil
    }

    /// Moves the names due at `now` to their lane; `lane` says which (and whether never
    /// asked), `nil` for a name that cannot be asked now (it leaves the queue).
    mutating func promote(now: Duration, lane: (ResourceKey) -> (LookupGroup, fresh: Bool)?) {
        while let first = waiting.min, first.dueAt <= now {
            waiting.popMin()
            guard live[first.key]?.ticket == first.ticket else {
                entries -= 1
                continue
            }
            waitingCount -= 1
            guard let (group, fresh) = lane(first.key) else {
                live[first.key] = nil
                entries -= 1
                continue
            }
            live[first.key] = (first.ticket, .ready(group, fresh: fresh))
            let ready = Ready(key: first.key, ticket: first.ticket)
            if fresh {
                lanes[group, default: Lane()].fresh.insert(ready)
                lanes[group]!.freshCount += 1
            } else {
                lanes[group, default: Lane()].retried.insert(ready)
                lanes[group]!.retriedCount += 1
            }
        }
    }

    /// The first entry still waiting: when to look again.
    mutating func nextDue() -> Duration? {
        while let first = waiting.min {
            if live[first.key]?.ticket == first.ticket { return first.dueAt }
            waiting.popMin()
            entries -= 1
        }
        return nil
    }

    /// How this pass batches a lane, from what is ready in it now.
    func plan(_ group: LookupGroup) -> Plan {
        guard group.api == .bmsServer else { return .chunks }
        return (lanes[group]?.freshCount ?? 0) >= LookupBatches.listThreshold ? .freshLists : .singles
    }

    /// How many names the lane's next batch holds under `plan`; `nil`: none left.
    func nextBatchSize(_ group: LookupGroup, _ plan: Plan) -> Int? {
        guard let lane = lanes[group] else { return nil }
        let total = lane.freshCount + lane.retriedCount
        guard total > 0 else { return nil }
        switch plan {
        case .freshLists: return lane.freshCount > 0 ? min(group.api.batchLimit, lane.freshCount) : 1
        case .singles: return 1
        case .chunks: return min(group.api.batchLimit, total)
        }
    }

    /// Takes the lane's next batch of `size` names out (they are asked now).
    mutating func takeBatch(_ group: LookupGroup, _ plan: Plan, size: Int) -> [ResourceKey] {
        var batch: [ResourceKey] = []
        let freshOnly = plan == .freshLists && (lanes[group]?.freshCount ?? 0) > 0
        while batch.count < size, let taken = takeFirst(group, freshOnly: freshOnly) { batch.append(taken) }
        return batch
    }

    /// The lane's first name: of those never asked with `freshOnly`, else of all, in key order.
    private mutating func takeFirst(_ group: LookupGroup, freshOnly: Bool) -> ResourceKey? {
        let fresh = firstLive(group, fresh: true)
        let retried = freshOnly ? nil : firstLive(group, fresh: false)
        let takeFresh: Bool
        switch (fresh, retried) {
        case (nil, nil): return nil
        case (.some, nil): takeFresh = true
        case (nil, .some): takeFresh = false
        case (let a?, let b?): takeFresh = a.key < b.key
        }
        let taken = takeFresh ? lanes[group]!.fresh.popMin()! : lanes[group]!.retried.popMin()!
        if takeFresh { lanes[group]!.freshCount -= 1 } else { lanes[group]!.retriedCount -= 1 }
        live[taken.key] = nil
        entries -= 1
        return taken.key
    }

    private mutating func firstLive(_ group: LookupGroup, fresh: Bool) -> Ready? {
        while let first = fresh ? lanes[group]?.fresh.min : lanes[group]?.retried.min {
            if live[first.key]?.ticket == first.ticket { return first }
            if fresh { lanes[group]!.fresh.popMin() } else { lanes[group]!.retried.popMin() }
            entries -= 1
        }
        return nil
    }

    /// Takes a name's live entry out of the counts (its entry stays, skipped when it comes up).
    private mutating func leave(_ key: ResourceKey) {
        switch live[key]?.place {
        case .waiting?: waitingCount -= 1
        case .ready(let group, let fresh)?:
            if fresh { lanes[group]!.freshCount -= 1 } else { lanes[group]!.retriedCount -= 1 }
        case nil: break
        }
    }

    private mutating func compact() {
        let live = self.live
        func isLive(_ key: ResourceKey, _ ticket: UInt64) -> Bool { live[key]?.ticket == ticket }
        waiting.compact { isLive($0.key, $0.ticket) }
        entries = waiting.count
        for group in Array(lanes.keys) {
            lanes[group]!.fresh.compact { isLive($0.key, $0.ticket) }
            lanes[group]!.retried.compact { isLive($0.key, $0.ticket) }
            entries += lanes[group]!.fresh.count + lanes[group]!.retried.count
        }
    }
}
