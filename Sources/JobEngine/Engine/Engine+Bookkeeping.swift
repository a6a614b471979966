import Foundation
import JobModel

/// The poll queue and each budget's demand follow the records: one job at a time as it
/// changes, and the watch list when jobs come or go.
extension Engine {
    /// After a job's record changed (asked, answered, failed, asked again): its place in the
    /// poll queue and its share of its budget follow.
    func recordChanged(_ key: JobKey) {
        let record = records[key]
        polls.enqueue(key, due: record.flatMap { $0.inFlight ? nil : $0.nextDue }, route: record?.route)
        demand.set(key, record.flatMap(Self.demandShare))
    }

    /// Catches up with the watch list after jobs came or went (added, removed, restored,
    /// past retention): O(1) when none did, O(added) when jobs were only added, else O(jobs).
    /// Every change of the list reaches `changed()` or `publish()`, which call this.
    func syncWatchList() {
        let seen = watchListSeen
        guard order.count != seen.count || order.first != seen.first || order.last != seen.last else { return }
        if order.count > seen.count, seen.count == 0 || (order[seen.count - 1] == seen.last && order.first == seen.first) {
            for key in order[seen.count...] { recordChanged(key) }
        } else {
            polls.removeAll()
            demand.removeAll()
            for key in order { recordChanged(key) }
        }
        watchListSeen = (order.count, order.first, order.last)
    }

    /// A job's share of its budget: its poll weight while it is still asked.
    static func demandShare(_ record: JobRecord) -> PollDemand.Share? {
        guard !record.state.isTerminal, record.nextDue != nil, let budget = record.route?.budgetKey else { return nil }
        return PollDemand.Share(budget: budget, weight: record.pollWeight)
    }
}
