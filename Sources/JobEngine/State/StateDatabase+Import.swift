import Foundation
import JobModel
import SQLiteNIO

extension StateDatabase {
    /// Merges a state in the state file's shape (an old JSON state, `jobwatch state import`):
    /// a job already known from a later read keeps its row; events already there are kept once.
    /// Returns how many jobs were taken in.
    @discardableResult
    public func importState(_ file: StateFile, watched: Bool) async throws(StateProblem) -> Int {
        try await exclusive { () async throws(StateProblem) in try await importing(file, watched: watched) }
    }

    /// `importState` inside an operation already running (the first connect's migration).
    @discardableResult
    func importing(_ file: StateFile, watched: Bool) async throws(StateProblem) -> Int {
        let connection = try await connect()
        var batch = StateBatch()
        do {
            for saved in file.jobs {
                let key = saved.key ?? .unplaced(jobID: saved.jobID)
                let existing = try await connection.query("SELECT read_at FROM jobs WHERE key = ?1", [.text(StateCoding.key(key))]).first
                if let existing {
                    let readAt = existing.column("read_at")?.double ?? 0
                    guard (saved.readAt?.timeIntervalSince1970 ?? 0) > readAt else { continue }
                }
                batch.jobs.append(StateBatch.JobRow(key: key, profile: saved.profile, label: saved.label, job: saved.job, readAt: saved.readAt, watched: watched))
            }
        } catch {
            throw StateProblem(describe(error))
        }
        batch.events = file.events
        batch.resources = file.resources ?? []
        try await applying(batch)
        if file.droppedEvents > 0 {
            do {
                _ = try await connection.query("UPDATE meta SET value = value + ?1 WHERE name = 'dropped_events'", [.integer(file.droppedEvents)])
            } catch {
                throw StateProblem(describe(error))
            }
        }
        return batch.jobs.count
    }
}
