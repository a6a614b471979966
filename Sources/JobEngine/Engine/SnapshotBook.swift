import Foundation
import JobModel

/// Every watched job as snapshots show it, kept current one job at a time: a job that changed
/// is worked out again (with what it adds to the counts), and so is one whose time-dependent
/// facts (stale, slow, past its typical end) are due to change; a snapshot then hands out the
/// array as it stands. A snapshot costs the jobs that changed, not every job. It follows the
/// engine's watch list, whose guests (polled for another process) it does not show.
struct SnapshotBook: Sendable {
    /// One job as a snapshot shows it.
    struct Entry: Sendable {
        var state: JobState
        var share: Share
        /// When its time-dependent facts may next change (`nil`: not on their own).
        var changesAt: Duration?
    }

    /// What one job adds to a snapshot's totals.
    struct Share: Sendable, Equatable {
        var status: JobStatus?
        var subJobs = StatusCounts()
        /// Unfinished parts past their typical end.
        var overdue = 0
        /// The latest typical end of its unfinished parts still ahead (for the ETA).
        var latestEnd: Date?
        var settled = false
        var runningClock = false
        var failing = false
        var troubled = false
        var profile = ""
        var service: Service = .bms
    }

    /// How the watch list changed since the book last followed it.
    enum Change {
        case none
        /// Jobs were added at the end, from this index on.
        case appended(from: Int)
        case other
    }

    /// The watch list as last followed: its length and ends, guests included.
    private var followed: (count: Int, first: JobKey?, last: JobKey?) = (0, nil, nil)
    /// A job became shown or hidden without the list changing (a guest joined it).
    private var moved = false
    /// The jobs shown, in the watch list's order.
    private(set) var keys: [JobKey] = []
    private(set) var states: [JobState] = []
    /// `nil` until a job's first entry is in place.
    private var shares: [Share?] = []
    private var versions: [UInt64] = []
    private(set) var positions: [JobKey: Int] = [:]
    private var lastVersion: UInt64 = 0

    private(set) var jobCounts = StatusCounts()
    private(set) var subJobCounts = StatusCounts()
    private(set) var overdue = 0
    private var settled = 0
    private var runningClocks = 0
    private var failing: [Int] = []
    private var troubled: [Int] = []
    private var profiles: [String] = []
    private var services: Set<Service> = []
    /// The budgets the jobs of the watch list spend, guests' too.
    private(set) var budgets: Set<BudgetKey> = []

    /// Jobs to work out again before the next snapshot.
    private var dirty: Set<JobKey> = []
    private var everythingDirty = false
    /// When each job's time-dependent facts next change, soonest first.
    private var changes = MinHeap<Timed>()
    /// Each job's latest typical end, latest first.
    private var ends = MinHeap<LatestEnd>()

    private struct Timed: Comparable, Sendable {
        var at: Duration
        var version: UInt64
        var key: JobKey
        static func < (a: Timed, b: Timed) -> Bool { (a.at, a.version) < (b.at, b.version) }
        static func == (a: Timed, b: Timed) -> Bool { a.version == b.version }
    }

    private struct LatestEnd: Comparable, Sendable {
        var at: Date
        var version: UInt64
        var key: JobKey
        // Latest first: the heap's least is the latest end.
        static func < (a: LatestEnd, b: LatestEnd) -> Bool { (a.at, a.version) > (b.at, b.version) }
        static func == (a: LatestEnd, b: LatestEnd) -> Bool { a.version == b.version }
    }

    /// The digest snapshots carry (`Snapshot.digest`).
    var digest: JobsDigest {
        var digest = JobsDigest()
        digest.settled = settled
        digest.runningClocks = runningClocks
        digest.failing = failing
        digest.troubled = troubled
        digest.profiles = profiles
        digest.services = services
        digest.positions = positions
        return digest
    }

    /// How `order` differs from the list the book follows. Every change of the watch list is
    /// seen before the next (whatever changes it publishes or asks for a pass, which follow
    /// it first), so the ends and the count tell.
    func change(to order: [JobKey]) -> Change {
        if moved { return .other }
        let seen = followed
        if order.count == seen.count, order.last == seen.last, order.first == seen.first { return .none }
        if order.count > seen.count, seen.count == 0 || (order[seen.count - 1] == seen.last && order.first == seen.first) {
            return .appended(from: seen.count)
        }
        return .other
    }

    /// A job is shown now and was not, or the other way round.
    mutating func markMoved() {
        moved = true
    }

    /// Whether a job is shown.
    func shows(_ key: JobKey) -> Bool {
        positions[key] != nil
    }

    // MARK: - Following the watch list

    /// Adds the jobs at the end of `order` from `start` on: those `shown`, and every one's budget.
    mutating func append(_ order: [JobKey], from start: Int, shown: (JobKey) -> Bool, budget: (JobKey) -> BudgetKey?, entry: (JobKey) -> Entry) {
        followed = (order.count, order.first, order.last)
        for key in order[start...] {
            if let budget = budget(key) { budgets.insert(budget) }
            guard shown(key) else { continue }
            let index = keys.count
            keys.append(key)
            positions[key] = index
            let made = entry(key)
            states.append(made.state)
            shares.append(nil)
            versions.append(0)
            place(made, at: index)
            if profiles.count < 3, !profiles.contains(made.share.profile) { profiles.append(made.share.profile) }
            services.insert(made.share.service)
        }
    }

    /// Follows `order` after jobs left it or moved: the jobs still shown keep what was worked
    /// out for them, new ones are worked out.
    mutating func follow(_ order: [JobKey], shown: (JobKey) -> Bool, budget: (JobKey) -> BudgetKey?, entry: (JobKey) -> Entry) {
        let old = (states: states, shares: shares, versions: versions, positions: positions)
        followed = (order.count, order.first, order.last)
        moved = false
        budgets = Set(order.compactMap(budget))
        keys = order.filter(shown)
        (states, shares, versions, positions) = ([], [], [], [:])
        states.reserveCapacity(keys.count)
        positions.reserveCapacity(keys.count)
        (jobCounts, subJobCounts, overdue, settled, runningClocks, failing, troubled) = (StatusCounts(), StatusCounts(), 0, 0, 0, [], [])
        (profiles, services) = ([], [])
        // A job kept keeps its entry and its version: its places in the heaps stay current.
        var fresh: [Int] = []
        for (index, key) in keys.enumerated() {
            positions[key] = index
            shares.append(nil)
            if let was = old.positions[key], let share = old.shares[was] {
                states.append(old.states[was])
                versions.append(old.versions[was])
                add(share, at: index)
            } else {
                states.append(JobState(entry: WatchEntry(profile: "", jobID: key.jobID), key: key))
                versions.append(0)
                fresh.append(index)
            }
        }
        for index in fresh { place(entry(keys[index]), at: index) }
        for case let share? in shares {
            if profiles.count < 3, !profiles.contains(share.profile) { profiles.append(share.profile) }
            services.insert(share.service)
        }
    }

    // MARK: - Keeping jobs current

    mutating func markDirty(_ key: JobKey) {
        dirty.insert(key)
    }

    /// Something every job's facts depend on changed (a credential stopped or retried).
    mutating func markEverythingDirty() {
        everythingDirty = true
    }

    /// Works out again the jobs that changed and those whose facts are due to change at `now`.
    mutating func refresh(now: Duration, entry: (JobKey) -> Entry?) {
        if everythingDirty {
            everythingDirty = false
            dirty = []
            changes = MinHeap()
            for (index, key) in keys.enumerated() {
                if let made = entry(key) { place(made, at: index) }
            }
            return
        }
        while let first = changes.min, first.at <= now {
            changes.popMin()
            if let index = positions[first.key], versions[index] == first.version { dirty.insert(first.key) }
        }
        for key in dirty {
            guard let index = positions[key], let made = entry(key) else { continue }
            place(made, at: index)
        }
        dirty = []
    }

    /// Time left until the latest typical end of any unfinished part, if one is ahead.
    mutating func eta(at now: Date) -> TimeInterval? {
        while let first = ends.min {
            guard let index = positions[first.key], versions[index] == first.version else {
                ends.popMin()
                continue
            }
            let left = first.at.timeIntervalSince(now)
            return left > 0 ? left : nil
        }
        return nil
    }

    /// Puts a job's entry in place of what it had: the totals follow.
    private mutating func place(_ entry: Entry, at index: Int) {
        if let share = shares[index] { subtract(share, at: index) }
        states[index] = entry.state
        add(entry.share, at: index)
        lastVersion += 1
        versions[index] = lastVersion
        let key = keys[index]
        if let at = entry.changesAt {
            changes.insert(Timed(at: at, version: lastVersion, key: key))
            if changes.count > 2 * keys.count + 64 { compactHeaps() }
        }
        if let end = entry.share.latestEnd {
            ends.insert(LatestEnd(at: end, version: lastVersion, key: key))
            if ends.count > 2 * keys.count + 64 { compactHeaps() }
        }
    }

    private mutating func add(_ share: Share, at index: Int) {
        shares[index] = share
        jobCounts.add(share.status)
        subJobCounts.formSum(share.subJobs)
        overdue += share.overdue
        if share.settled { settled += 1 }
        if share.runningClock { runningClocks += 1 }
        if share.failing { failing.insertSortedOnce(index) }
        if share.troubled { troubled.insertSortedOnce(index) }
    }

    private mutating func subtract(_ share: Share, at index: Int) {
        jobCounts.remove(share.status)
        subJobCounts.formDifference(share.subJobs)
        overdue -= share.overdue
        if share.settled { settled -= 1 }
        if share.runningClock { runningClocks -= 1 }
        if share.failing { failing.removeSorted(index) }
        if share.troubled { troubled.removeSorted(index) }
        shares[index] = nil
    }

    private mutating func compactHeaps() {
        let positions = self.positions
        let versions = self.versions
        func isCurrent(_ key: JobKey, _ version: UInt64) -> Bool { positions[key].map { versions[$0] == version } ?? false }
        changes.compact { isCurrent($0.key, $0.version) }
        ends.compact { isCurrent($0.key, $0.version) }
    }
}
