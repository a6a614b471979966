import Foundation
import JobModel
import SQLiteNIO

extension StateDatabase {
    /// What other processes wrote since a cursor.
    public struct Changes: Sendable {
        /// Rows written since.
        public var jobs: [SavedRow] = []
        public var resources: [StateFile.SavedResource] = []
        public var cursor: Cursor
    }

    /// `PRAGMA data_version`: changes when another connection commits. Polled twice a second,
    /// it costs a read of one page.
    public func dataVersion() async throws(StateProblem) -> Int {
        try await exclusive { () async throws(StateProblem) in try await readingDataVersion() }
    }

    private func readingDataVersion() async throws(StateProblem) -> Int {
        let connection = try await connect()
        do {
            return try await connection.query("PRAGMA data_version").first?.column("data_version")?.integer ?? 0
        } catch {
            throw StateProblem(Self.describe(error, path: path))
        }
    }

    /// Rows written after `cursor`: those of `keys`, and with `watchList` every row whose place
    /// on the dashboards' watch list may have changed. O(what changed), never O(the state).
    public func changes(after cursor: Cursor, keys: Set<JobKey>, watchList: Bool) async throws(StateProblem) -> Changes {
        try await exclusive { () async throws(StateProblem) in try await readingChanges(after: cursor, keys: keys, watchList: watchList) }
    }

    private func readingChanges(after cursor: Cursor, keys: Set<JobKey>, watchList: Bool) async throws(StateProblem) -> Changes {
        let connection = try await connect()
        do {
            var changes = Changes(cursor: cursor)
            changes.cursor.file = openedFile
            let change = try await connection.query("SELECT value FROM meta WHERE name = 'change'").first?.column("value")?.integer ?? cursor.change
            // A cursor of another file (deleted, moved aside, replaced: its inode may be reused,
            // so a counter below the cursor says it too) is read from the start.
            let sameFile = (cursor.file == nil || cursor.file == openedFile) && change >= cursor.change
            let since = sameFile ? cursor.change : 0
            guard change > since else {
                changes.cursor.change = change
                return changes
            }
            let rows = try await connection.query(
                "SELECT id, key, profile, label, head, read_at, watched, read_by FROM jobs WHERE change > ?1 ORDER BY id", [.integer(since)]
            )
            for row in rows {
                guard let keyText = row.column("key")?.string, let key = StateCoding.jobKey(keyText) else { continue }
                guard keys.contains(key) || watchList else { continue }
                if let saved = try await savedJob(row, on: connection) { changes.jobs.append(saved) }
            }
            for row in try await connection.query("SELECT key, body FROM resources WHERE change > ?1", [.integer(since)]) {
                guard let keyText = row.column("key")?.string, let body = row.column("body")?.string,
                      let key = try? StateCoding.value(ResourceKey.self, from: keyText),
                      let resource = try? StateCoding.value(Resource.self, from: body) else { continue }
                changes.resources.append(StateFile.SavedResource(key: key, resource: resource))
            }
            changes.cursor.change = change
            return changes
        } catch {
            throw StateProblem(Self.describe(error, path: path))
        }
    }
}
