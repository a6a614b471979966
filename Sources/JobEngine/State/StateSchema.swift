import SQLiteNIO

/// The tables, created once in one transaction. Times are seconds since 1970; keys, jobs
/// and events are the JSON of their Codable values, as the state file had them.
enum StateSchema {
    static let statements = [
        // `change`: the counter of the transaction that last wrote the row; other processes
        // read what is newer than what they saw. `expires_from`: a finished job's end or last
        // read, whichever is later (retention); NULL while it can still change.
        """
        CREATE TABLE IF NOT EXISTS jobs (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            profile TEXT NOT NULL,
            label TEXT,
            head TEXT,
            read_at REAL,
            watched INTEGER NOT NULL DEFAULT 0,
            read_by TEXT,
            expires_from REAL,
            change INTEGER NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS jobs_change ON jobs(change)",
        "CREATE INDEX IF NOT EXISTS jobs_expires ON jobs(expires_from) WHERE expires_from IS NOT NULL",
        """
        CREATE TABLE IF NOT EXISTS sub_jobs (
            job INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (job, position)
        ) WITHOUT ROWID
        """,
        "CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, body TEXT NOT NULL UNIQUE)",
        "CREATE INDEX IF NOT EXISTS events_at ON events(at)",
        "CREATE TABLE IF NOT EXISTS resources (key TEXT PRIMARY KEY, body TEXT NOT NULL, change INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID",
        "CREATE INDEX IF NOT EXISTS resources_change ON resources(change)",
        "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
        "INSERT OR IGNORE INTO meta (name, value) VALUES ('change', 0), ('dropped_events', 0)",
        // One poller per budget key (credential and endpoint): `StateDatabase+Leases.swift`.
        "CREATE TABLE IF NOT EXISTS leases (budget TEXT PRIMARY KEY, holder TEXT NOT NULL, pid INTEGER NOT NULL, expires_at REAL NOT NULL) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS processes (holder TEXT PRIMARY KEY, pid INTEGER NOT NULL, seen_at REAL NOT NULL) WITHOUT ROWID",
        // The jobs each live process wants answered, for the poller of their budget.
        """
        CREATE TABLE IF NOT EXISTS wants (
            holder TEXT NOT NULL REFERENCES processes(holder) ON DELETE CASCADE,
            key TEXT NOT NULL,
            profile TEXT NOT NULL,
            budget TEXT NOT NULL,
            -- 1: the poller of that budget has no profile that reaches the job (another
            -- project, say): the process that wants it polls that budget itself.
            refused INTEGER NOT NULL DEFAULT 0,
            -- 1: asked to be read now (`r` in a window that follows): the poller reads it.
            refresh INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (holder, key)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX IF NOT EXISTS wants_budget ON wants(budget)",
    ]

    static func create(on connection: SQLiteConnection, applicationID: Int, version: Int) async throws {
        _ = try await connection.query("BEGIN IMMEDIATE")
        do {
            for statement in statements { _ = try await connection.query(statement) }
            _ = try await connection.query("PRAGMA application_id = \(applicationID)")
            _ = try await connection.query("PRAGMA user_version = \(version)")
            _ = try await connection.query("COMMIT")
        } catch {
            _ = try? await connection.query("ROLLBACK")
            throw error
        }
    }
}
