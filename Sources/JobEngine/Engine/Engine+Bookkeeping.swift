import Foundation
import JobModel

/// The poll queue, each budget's demand and the snapshot book follow the records: one job
/// at a time as it changes, and the watch list when jobs come or go.
extension Engine {
    /// After a job's record changed (asked, answered, failed, asked again, named, read from
    /// another process): its place in the poll queue, its share of its budget and its
    /// snapshot entry follow.
    func recordChanged(_ key: JobKey) {
        queue(key)
        if let record = records[key], record.isGuest == book.shows(key) {
            // Shown now and not before (a guest joined the shared watch list), or the other way.
            book.markMoved()
        } else {
            book.markDirty(key)
        }
    }

    /// Catches up with the watch list after jobs came or went (added, removed, restored,
    /// past retention, another process's): O(1) when none did, O(added) when jobs were only
    /// added, else O(jobs). Every change of the list publishes or asks for a schedule pass,
    /// and both call this first.
    func syncWatchList() {
        let now = clock.elapsed
        let nowDate = clock.date
        let shown = { (key: JobKey) in self.records[key]?.isGuest == false }
        let budget = { (key: JobKey) in self.records[key]?.route?.budgetKey }
        switch book.change(to: order) {
        case .none:
            return
        case .appended(let start):
            for key in order[start...] { queue(key) }
            book.append(order, from: start, shown: shown, budget: budget) { entry(for: $0, now: now, nowDate: nowDate) }
        case .other:
            polls.removeAll()
            demand.removeAll()
            for key in order { queue(key) }
            book.follow(order, shown: shown, budget: budget) { entry(for: $0, now: now, nowDate: nowDate) }
        }
    }

    /// A job's share of its budget: its poll weight while it is still asked.
    static func demandShare(_ record: JobRecord) -> PollDemand.Share? {
        guard !record.state.isTerminal, record.nextDue != nil, let budget = record.route?.budgetKey else { return nil }
        return PollDemand.Share(budget: budget, weight: record.pollWeight)
    }

    private func queue(_ key: JobKey) {
        let record = records[key]
        polls.enqueue(key, due: record.flatMap { $0.inFlight ? nil : $0.nextDue }, route: record?.route)
        demand.set(key, record.flatMap(Self.demandShare))
    }

    private func entry(for key: JobKey, now: Duration, nowDate: Date) -> SnapshotBook.Entry {
        guard let record = records[key] else {
            // Not possible while the list and the records agree; an empty row rather than a crash.
            let state = JobState(entry: WatchEntry(profile: "", jobID: key.jobID), key: key)
            return SnapshotBook.Entry(state: state, share: SnapshotBook.Share(), changesAt: nil)
        }
        return bookEntry(for: record, now: now, nowDate: nowDate)
    }
}
