import Foundation
import JobModel
import JobAPI

extension Engine {
    /// Drops finished jobs whose end — and last read — lie before the retention window, from
    /// the watch list and so from the state file: a dashboard left running for weeks (a jobs
    /// file appended by every rollout) stays bounded, as a restart would (`StateFile.retaining`).
    /// Returns whether anything was dropped.
    @discardableResult
    func dropExpired() -> Bool {
        guard let retention = settings.retention else { return false }
        let cutoff = clock.date.addingTimeInterval(-retention.seconds)
        let expired = order.filter { key in
            guard let record = records[key], !record.inFlight else { return false }
            return Retention.isExpired(record.state.job, readAt: record.state.readAt, cutoff: cutoff)
        }
        guard !expired.isEmpty else { return false }
        for key in expired { records[key] = nil }
        let gone = Set(expired)
        order.removeAll { gone.contains($0) }
        forgetLookups(of: gone)
        log.removeOlder(than: cutoff)
        logger.info("finished jobs past retention dropped", metadata: ["count": "\(expired.count)"])
        return true
    }
}
