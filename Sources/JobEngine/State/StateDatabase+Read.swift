import Foundation
import JobModel
import SQLiteNIO

extension StateDatabase {
    /// Which jobs a read returns.
    public enum Scope: Sendable, Hashable {
        /// The dashboards' shared watch list, with the event log.
        case watched
        /// Every job in the database, with the event log (`jobwatch state export`).
        case all
        /// These jobs' last answers only (`wait`, `get`, a stream of its own IDs).
        case jobs([JobKey])
    }

    /// Where a reader is in the database's history: what is newer was written since.
    public struct Cursor: Sendable, Hashable {
        public var change = 0
        public var eventSeq = 0
        /// The file the counts are of: another one (deleted, moved aside, replaced meanwhile)
        /// counts from 0 again, and is read whole.
        var file: StateFolder.FileIdentity?

        public init(change: Int = 0, eventSeq: Int = 0) {
            self.change = change
            self.eventSeq = eventSeq
        }
    }

    /// A job's row: the saved job, whether it is on the dashboards' watch list, and the
    /// budget its answer was read with (`nil`: unknown, an imported one).
    public struct SavedRow: Sendable {
        public var job: StateFile.SavedJob
        public var watched: Bool
        public var readBy: String?
    }

    public struct Loaded: Sendable {
        /// In the state file's shape: what `Engine.restoring` and `state export` take.
        public var file: StateFile
        /// Which of `file.jobs` are on the dashboards' watch list.
        public var watched: Set<JobKey>
        public var cursor: Cursor
        /// The budget each answer was read with, where known.
        public var readBy: [JobKey: String] = [:]
    }

    /// The state as it is now, in the state file's shape.
    public func load(_ scope: Scope, now: Date = Date()) async throws(StateProblem) -> Loaded {
        try await exclusive { () async throws(StateProblem) in try await loading(scope, now: now) }
    }

    private func loading(_ scope: Scope, now: Date) async throws(StateProblem) -> Loaded {
        let connection = try await connect()
        do {
            // One read transaction: jobs, sub-jobs and events of the same moment.
            _ = try await connection.query("BEGIN")
            let loaded = try await read(scope, on: connection, now: now)
            _ = try await connection.query("COMMIT")
            return loaded
        } catch let problem as StateProblem {
            _ = try? await connection.query("ROLLBACK")
            throw problem
        } catch {
            _ = try? await connection.query("ROLLBACK")
            throw StateProblem(describe(error))
        }
    }

    private func read(_ scope: Scope, on connection: SQLiteConnection, now: Date) async throws -> Loaded {
        let change = try await connection.query("SELECT value FROM meta WHERE name = 'change'").first?.column("value")?.integer ?? 0
        let eventSeq = try await connection.query("SELECT COALESCE(MAX(seq), 0) AS seq FROM events").first?.column("seq")?.integer ?? 0
        let rows: [SQLiteRow]
        switch scope {
        case .watched:
            rows = try await connection.query("SELECT id, key, profile, label, head, read_at, watched, read_by FROM jobs WHERE watched = 1 ORDER BY id")
        case .all:
            rows = try await connection.query("SELECT id, key, profile, label, head, read_at, watched, read_by FROM jobs ORDER BY id")
        case .jobs(let keys):
            var found: [SQLiteRow] = []
            for key in keys {
                found += try await connection.query(
                    "SELECT id, key, profile, label, head, read_at, watched, read_by FROM jobs WHERE key = ?1", [.text(StateCoding.key(key))]
                )
            }
            rows = found
        }
        var jobs: [StateFile.SavedJob] = []
        var watched: Set<JobKey> = []
        var readBy: [JobKey: String] = [:]
        jobs.reserveCapacity(rows.count)
        for row in rows {
            guard let saved = try await savedJob(row, on: connection) else { continue }
            jobs.append(saved.job)
            if saved.watched, let key = saved.job.key { watched.insert(key) }
            if let key = saved.job.key, let budget = saved.readBy { readBy[key] = budget }
        }
        var events: [Transition] = []
        var dropped = 0
        var resources: [StateFile.SavedResource] = []
        if scope == .watched || scope == .all {
            for row in try await connection.query("SELECT body FROM events ORDER BY seq") {
                // One unreadable event (a newer jobwatch's) is skipped, not the log.
                if let body = row.column("body")?.string, let event = try? StateCoding.value(Transition.self, from: body) { events.append(event) }
            }
            dropped = try await connection.query("SELECT value FROM meta WHERE name = 'dropped_events'").first?.column("value")?.integer ?? 0
        }
        for row in try await connection.query("SELECT key, body FROM resources") {
            guard let keyText = row.column("key")?.string, let body = row.column("body")?.string,
                  let key = try? StateCoding.value(ResourceKey.self, from: keyText),
                  let resource = try? StateCoding.value(Resource.self, from: body) else { continue }
            resources.append(StateFile.SavedResource(key: key, resource: resource))
        }
        let file = StateFile(savedAt: now, jobs: jobs, events: events, droppedEvents: dropped, resources: resources)
        var cursor = Cursor(change: change, eventSeq: eventSeq)
        cursor.file = openedFile
        return Loaded(file: file, watched: watched, cursor: cursor, readBy: readBy)
    }

    /// One job's row with its sub-jobs; `nil` when its key cannot be read (a newer jobwatch's).
    func savedJob(_ row: SQLiteRow, on connection: SQLiteConnection) async throws -> SavedRow? {
        guard let id = row.column("id")?.integer, let keyText = row.column("key")?.string, let key = StateCoding.jobKey(keyText) else { return nil }
        var job: Job?
        var known = WrittenJob(id: id, head: 0, subJobs: [])
        if let head = row.column("head")?.string, var decoded = try? StateCoding.value(Job.self, from: head) {
            let bodies = try await connection.query("SELECT body FROM sub_jobs WHERE job = ?1 ORDER BY position", [.integer(id)]).compactMap { $0.column("body")?.string }
            let subJobs = bodies.map { try? StateCoding.value(Job.self, from: $0) }
            decoded.entities.subJobs = subJobs.compactMap { $0 }
            known.head = head.hashValue
            // By value, as a save compares them (`write`); one that does not decode is written again.
            known.subJobs = subJobs.map { $0?.hashValue ?? 0 }
            job = decoded
        }
        written[key] = known
        let saved = StateFile.SavedJob(
            profile: row.column("profile")?.string ?? "", key: key.isPlaced ? key : nil, jobID: key.jobID,
            label: row.column("label")?.string, job: job, readAt: row.column("read_at")?.double.map { Date(timeIntervalSince1970: $0) }
        )
        return SavedRow(job: saved, watched: row.column("watched")?.integer == 1, readBy: row.column("read_by")?.string)
    }
}
