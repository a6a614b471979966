import JobModel

/// The jobs that may be asked next, lane by lane (a lane is one route: one budget, one host),
/// so that a schedule pass looks at the jobs it sends and at each lane's first, never at every
/// job. In a lane, jobs not due yet wait by due time; once due they are ready by urgency, then
/// due time (`PollPolicy.urgency` as it stood when they fell due), then the order queued.
///
/// A job has at most one live entry, the one queued last (its ticket); an entry superseded
/// since (the job was asked, or became due at another time, or left) is skipped when it comes
/// up, and dropped in bulk when such entries outnumber the live ones.
struct PollQueue: Sendable {
    struct Waiting: Comparable, Sendable {
        var due: Duration
        var ticket: UInt64
        var key: JobKey

        static func < (a: Waiting, b: Waiting) -> Bool { (a.due, a.ticket) < (b.due, b.ticket) }
        static func == (a: Waiting, b: Waiting) -> Bool { a.ticket == b.ticket }
    }

    struct Ready: Comparable, Sendable {
        var urgency: Int
        var due: Duration
        var ticket: UInt64
        var key: JobKey

        static func < (a: Ready, b: Ready) -> Bool { (a.urgency, a.due, a.ticket) < (b.urgency, b.due, b.ticket) }
        static func == (a: Ready, b: Ready) -> Bool { a.ticket == b.ticket }
    }

    struct Lane: Sendable {
        let route: JobRoute
        var waiting = MinHeap<Waiting>()
        var ready = MinHeap<Ready>()

        init(route: JobRoute) { self.route = route }
    }

    typealias LaneID = ObjectIdentifier

    private(set) var lanes: [LaneID: Lane] = [:]
    /// Each queued job's live entry.
    private var live: [JobKey: (ticket: UInt64, due: Duration, lane: LaneID)] = [:]
    private var lastTicket: UInt64 = 0
    /// Entries in all heaps, live or not.
    private var entries = 0

    /// Queues a job due at `due` on `route` in place of its entry, if any; `nil` for either
    /// takes it out (in flight, finished, not polled).
    mutating func enqueue(_ key: JobKey, due: Duration?, route: JobRoute?) {
        guard let due, let route else {
            live[key] = nil
            return
        }
        let lane = LaneID(route)
        if let current = live[key], current.due == due, current.lane == lane { return }
        lastTicket += 1
        live[key] = (lastTicket, due, lane)
        let waiting = Waiting(due: due, ticket: lastTicket, key: key)
        lanes[lane, default: Lane(route: route)].waiting.insert(waiting)
        entries += 1
        if entries > 2 * live.count + 64 { compact() }
    }

    /// Empties the queue (before queuing every job again).
    mutating func removeAll() {
        lanes = [:]
        live = [:]
        entries = 0
    }

    /// Moves the entries due at `now` to their lane's ready heap, ranked by `urgency`.
    mutating func promote(now: Duration, urgency: (JobKey) -> Int) {
        for id in Array(lanes.keys) {
            while let first = lanes[id]!.waiting.min, first.due <= now {
                lanes[id]!.waiting.popMin()
                if isLive(first.key, first.ticket) {
                    let ready = Ready(urgency: urgency(first.key), due: first.due, ticket: first.ticket, key: first.key)
                    lanes[id]!.ready.insert(ready)
                } else {
                    entries -= 1
                }
            }
        }
    }

    /// The most urgent ready entry over the lanes not `held`, and its lane.
    mutating func nextReady(excluding held: Set<LaneID>) -> (lane: LaneID, entry: Ready)? {
        var best: (lane: LaneID, entry: Ready)?
        for id in Array(lanes.keys) where !held.contains(id) {
            guard let top = firstReady(id) else { continue }
            if best.map({ top < $0.entry }) ?? true { best = (id, top) }
        }
        return best
    }

    /// Takes a lane's first ready entry out: it is asked now, or it was found stale.
    mutating func takeReady(_ lane: LaneID) {
        guard let taken = lanes[lane]?.ready.popMin() else { return }
        entries -= 1
        if isLive(taken.key, taken.ticket) { live[taken.key] = nil }
    }

    /// A lane's first entry not due yet.
    mutating func firstWaiting(_ lane: LaneID) -> Waiting? {
        while let first = lanes[lane]?.waiting.min {
            if isLive(first.key, first.ticket) { return first }
            lanes[lane]!.waiting.popMin()
            entries -= 1
        }
        return nil
    }

    private mutating func firstReady(_ lane: LaneID) -> Ready? {
        while let first = lanes[lane]?.ready.min {
            if isLive(first.key, first.ticket) { return first }
            lanes[lane]!.ready.popMin()
            entries -= 1
        }
        return nil
    }

    /// Every queued job of the lanes spending `budget` due at `end` or before, with its due
    /// time: O(those jobs), not O(the queue).
    func forEachQueued(on budget: BudgetKey, dueBy end: Duration, _ body: (JobKey, Duration) -> Void) {
        for lane in lanes.values where lane.route.budgetKey == budget {
            lane.ready.forEach(where: { _ in true }) { entry in
                if isLive(entry.key, entry.ticket) { body(entry.key, entry.due) }
            }
            lane.waiting.forEach(where: { $0.due <= end }) { entry in
                if isLive(entry.key, entry.ticket) { body(entry.key, entry.due) }
            }
        }
    }

    private func isLive(_ key: JobKey, _ ticket: UInt64) -> Bool {
        live[key]?.ticket == ticket
    }

    private mutating func compact() {
        entries = 0
        let live = self.live
        for id in Array(lanes.keys) {
            lanes[id]!.waiting.compact { live[$0.key]?.ticket == $0.ticket }
            lanes[id]!.ready.compact { live[$0.key]?.ticket == $0.ticket }
            entries += lanes[id]!.waiting.count + lanes[id]!.ready.count
        }
    }
}
