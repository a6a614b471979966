import Foundation
import JobModel
import SQLiteNIO
import Algorithms

extension StateDatabase {
    /// The event log's bound, as the engine's (`EventLog.bound`).
    static var eventBound: Int { EventLog.bound }

    /// Writes a batch in one transaction: each job's row, only the sub-jobs whose body
    /// changed, new events (the oldest dropped past the bound), names, retention.
    public func apply(_ batch: StateBatch) async throws(StateProblem) {
        try await exclusive { () async throws(StateProblem) in try await applying(batch) }
    }

    func applying(_ batch: StateBatch) async throws(StateProblem) {
        guard !batch.isEmpty else { return }
        let started = ContinuousClock.now
        let connection = try await connect()
        var pending: [JobKey: WrittenJob] = [:]
        var gone: [JobKey] = []
        do {
            try await transaction(connection) {
                let change = try await Self.nextChange(connection)
                for row in batch.jobs {
                    pending[row.key] = try await self.write(row, change: change, on: connection)
                }
                for key in batch.unwatched {
                    _ = try await connection.query("UPDATE jobs SET watched = 0, change = ?1 WHERE key = ?2", [.integer(change), .text(StateCoding.key(key))])
                }
                for key in batch.deleted {
                    _ = try await connection.query("DELETE FROM jobs WHERE key = ?1", [.text(StateCoding.key(key))])
                    gone.append(key)
                }
                try await Self.insert(batch.events, on: connection)
                try await Self.insert(batch.resources, change: change, on: connection)
                if let cutoff = batch.retentionCutoff {
                    gone += try await Self.dropExpired(before: cutoff, on: connection)
                }
                try await Self.trimEvents(on: connection)
            }
        } catch {
            // The rows may be anything now: read them again before the next comparison.
            for key in batch.jobs.map(\.key) { written[key] = nil }
            throw StateProblem(describe(error))
        }
        written.merge(pending) { $1 }
        for key in gone { written[key] = nil }
        saveTimes.note(ContinuousClock.now - started, rows: batch.jobs.count)
    }

    /// Saves and how long each took here, from its turn (`exclusive`) to the commit, another
    /// process's write lock waited for included: what the engine's log says once a minute.
    public struct SaveTimes: Sendable {
        public var times: [Duration] = []
        /// The WAL checkpoints meanwhile, beside the saves (`WALCheckpointer`).
        public var checkpoints: [Duration] = []
        /// Job rows written.
        public var rows = 0

        mutating func note(_ time: Duration, rows: Int) {
            // Bounded for a process that never asks.
            guard times.count < 4_096 else { return }
            times.append(time)
            self.rows += rows
        }
    }

    /// The saves since the last call, forgotten here.
    public func takeSaveTimes() async -> SaveTimes {
        var taken = saveTimes
        saveTimes = SaveTimes()
        taken.checkpoints = await checkpointer?.takeTimes() ?? []
        return taken
    }

    /// `BEGIN IMMEDIATE`: the write lock is taken first, so a busy database fails here
    /// (after `busyTimeout`), never halfway.
    func transaction(_ connection: SQLiteConnection, _ body: () async throws -> Void) async throws {
        _ = try await connection.query("BEGIN IMMEDIATE")
        do {
            try await body()
            _ = try await connection.query("COMMIT")
        } catch {
            _ = try? await connection.query("ROLLBACK")
            throw error
        }
        await checkpointer?.written()
    }

    static func nextChange(_ connection: SQLiteConnection) async throws -> Int {
        let rows = try await connection.query("UPDATE meta SET value = value + 1 WHERE name = 'change' RETURNING value")
        return rows.first?.column("value")?.integer ?? 0
    }

    private func write(_ row: StateBatch.JobRow, change: Int, on connection: SQLiteConnection) async throws -> WrittenJob {
        var head = row.job
        head?.entities.subJobs = []
        let headText = try head.map(StateCoding.text)
        let expiresFrom: Double? = row.job.flatMap { job in
            job.status.isTerminal ? max(job.endTime ?? .distantPast, row.readAt ?? .distantPast).timeIntervalSince1970 : nil
        }
        let ids = try await connection.query(
            """
            INSERT INTO jobs (key, profile, label, head, read_at, watched, expires_from, change, read_by)
            VALUES (?1, ?2, ?3, ?4, ?5, COALESCE(?6, 0), ?7, ?8, ?9)
            ON CONFLICT (key) DO UPDATE SET profile = ?2, label = COALESCE(?3, label), head = COALESCE(?4, head),
                read_at = COALESCE(?5, read_at), watched = COALESCE(?6, watched), expires_from = ?7, change = ?8,
                read_by = CASE WHEN ?4 IS NULL THEN read_by ELSE ?9 END
            RETURNING id
            """,
            [
                .text(StateCoding.key(row.key)), .text(row.profile), row.label.map { .text($0) } ?? .null, headText.map { .text($0) } ?? .null,
                row.readAt.map { .float($0.timeIntervalSince1970) } ?? .null, row.watched.map { .integer($0 ? 1 : 0) } ?? .null,
                expiresFrom.map { .float($0) } ?? .null, .integer(change), row.readBy.map { .text($0) } ?? .null,
            ]
        )
        guard let id = ids.first?.column("id")?.integer else { throw StateProblem("\(path): the job's row was not written") }
        var known = try await known(row.key, id: id, on: connection)
        guard let job = row.job else { return known }
        known.head = headText?.hashValue ?? 0
        // Compared by value, and only the changed ones encoded: encoding all 1,500 sub-jobs of a
        // batch to compare their texts took most of a save's time.
        let hashes = job.subJobs.map(\.hashValue)
        var changed: [(Int, String)] = []
        for (position, hash) in hashes.enumerated() where position >= known.subJobs.count || known.subJobs[position] != hash {
            changed.append((position, try StateCoding.text(job.subJobs[position])))
        }
        for chunk in changed.chunks(ofCount: 300) {
            let values = Array(repeating: "(?, ?, ?)", count: chunk.count).joined(separator: ", ")
            let binds = chunk.flatMap { position, body in [SQLiteData.integer(id), .integer(position), .text(body)] }
            _ = try await connection.query("INSERT OR REPLACE INTO sub_jobs (job, position, body) VALUES \(values)", binds)
        }
        if known.subJobs.count > hashes.count {
            _ = try await connection.query("DELETE FROM sub_jobs WHERE job = ?1 AND position >= ?2", [.integer(id), .integer(hashes.count)])
        }
        known.subJobs = hashes
        return known
    }

    /// What the row holds: from this process's memory, else read once from the database.
    private func known(_ key: JobKey, id: Int, on connection: SQLiteConnection) async throws -> WrittenJob {
        if let known = written[key], known.id == id { return known }
        let rows = try await connection.query("SELECT body FROM sub_jobs WHERE job = ?1 ORDER BY position", [.integer(id)])
        return WrittenJob(id: id, head: 0, subJobs: rows.map { Self.subJobHash($0.column("body")?.string) })
    }

    /// A stored sub-job's value hash, as a save compares them (0, never equal in practice, for
    /// a body that does not decode: it is written again).
    static func subJobHash(_ body: String?) -> Int {
        body.flatMap { try? StateCoding.value(Job.self, from: $0) }?.hashValue ?? 0
    }

    static func insert(_ events: [Transition], on connection: SQLiteConnection) async throws {
        for chunk in events.chunks(ofCount: 400) {
            let values = Array(repeating: "(?, ?)", count: chunk.count).joined(separator: ", ")
            let binds = try chunk.flatMap { event in [SQLiteData.float(event.at.timeIntervalSince1970), .text(try StateCoding.text(event))] }
            // The same event imported twice is kept once.
            _ = try await connection.query("INSERT OR IGNORE INTO events (at, body) VALUES \(values)", binds)
        }
    }

    static func insert(_ resources: [StateFile.SavedResource], change: Int, on connection: SQLiteConnection) async throws {
        for chunk in resources.chunks(ofCount: 300) {
            let values = Array(repeating: "(?, ?, ?)", count: chunk.count).joined(separator: ", ")
            let binds = try chunk.flatMap { saved in
                [SQLiteData.text(try StateCoding.text(saved.key)), .text(try StateCoding.text(saved.resource)), .integer(change)]
            }
            _ = try await connection.query("INSERT OR REPLACE INTO resources (key, body, change) VALUES \(values)", binds)
        }
    }

    /// Finished jobs ended and read before `cutoff`, answers nobody watches or wants any
    /// more, and older events. Returns the jobs dropped.
    static func dropExpired(before cutoff: Date, on connection: SQLiteConnection) async throws -> [JobKey] {
        let time = SQLiteData.float(cutoff.timeIntervalSince1970)
        var rows = try await connection.query("DELETE FROM jobs WHERE expires_from < ?1 RETURNING key", [time])
        rows += try await connection.query(
            "DELETE FROM jobs WHERE watched = 0 AND COALESCE(read_at, 0) < ?1 AND key NOT IN (SELECT key FROM wants) RETURNING key", [time]
        )
        let events = try await connection.query("DELETE FROM events WHERE at < ?1 RETURNING seq", [time])
        if !events.isEmpty {
            _ = try await connection.query("UPDATE meta SET value = value + ?1 WHERE name = 'dropped_events'", [.integer(events.count)])
        }
        return rows.compactMap { $0.column("key")?.string.flatMap(StateCoding.jobKey) }
    }

    /// The newest `eventBound` events are kept; the others count as dropped.
    static func trimEvents(on connection: SQLiteConnection) async throws {
        let count = try await connection.query("SELECT count(*) AS n FROM events").first?.column("n")?.integer ?? 0
        guard count > eventBound else { return }
        let over = count - eventBound
        _ = try await connection.query("DELETE FROM events WHERE seq IN (SELECT seq FROM events ORDER BY seq LIMIT ?1)", [.integer(over)])
        _ = try await connection.query("UPDATE meta SET value = value + ?1 WHERE name = 'dropped_events'", [.integer(over)])
    }
}

extension StateDatabase {
    /// `jobwatch state prune`: finished jobs and events older than `cutoff`, and answers no
    /// window watches or wants. Returns how many jobs and events were dropped.
    public func prune(before cutoff: Date) async throws(StateProblem) -> (jobs: Int, events: Int) {
        try await exclusive { () async throws(StateProblem) in try await pruning(before: cutoff) }
    }

    private func pruning(before cutoff: Date) async throws(StateProblem) -> (jobs: Int, events: Int) {
        let connection = try await connect()
        do {
            let before = try await Self.eventCount(connection)
            var gone: [JobKey] = []
            try await transaction(connection) {
                gone = try await Self.dropExpired(before: cutoff, on: connection)
            }
            for key in gone { written[key] = nil }
            return (gone.count, before - (try await Self.eventCount(connection)))
        } catch {
            throw StateProblem(Self.describe(error, path: path))
        }
    }

    static func eventCount(_ connection: SQLiteConnection) async throws -> Int {
        try await connection.query("SELECT count(*) AS n FROM events").first?.column("n")?.integer ?? 0
    }
}
