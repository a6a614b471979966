import JobModel

/// The terminal window title: `jobwatch 21✔ 3✖ 4▶` (sub-job counts: finished well, failed,
/// not finished yet), so a glance at a tab says how things stand.
enum WindowTitle {
    static func text(_ snapshot: Snapshot, unicode: Bool, paused: Bool) -> String {
        let counts = snapshot.subJobCounts
        let ok = StatusLook.symbol(.success, unicode: unicode)
        let failed = StatusLook.symbol(.fail, unicode: unicode)
        let running = StatusLook.symbol(.running, unicode: unicode)
        let active = counts.total - counts.finished
        return "jobwatch \(counts.success)\(ok) \(counts.fail)\(failed) \(active)\(running)" + (paused ? " (paused)" : "")
    }
}
