import Foundation
import JobModel
import NIOPosix
import SQLiteNIO

/// Every jobwatch process of a user on a host keeps its state in one SQLite database (WAL):
/// the dashboards' watch list, the last answer of every job, the event log, names, and who
/// polls what (`StateDatabase+Leases.swift`).
///
/// A save writes what changed: a job's row and the sub-jobs whose body changed
/// (`StateDatabase+Write.swift`). Every call runs on the database's own thread, off the engine
/// and the screen.
public actor StateDatabase {
    public nonisolated let path: String
    var connection: SQLiteConnection?
    /// The connection's one thread. SQLite waits out another process's lock (busy_timeout) on
    /// the thread of the call: on sqlite-nio's shared pool (a thread a core) two databases
    /// waiting so held up every other database of the process, and the lock's holder could not
    /// commit (tests open many at once).
    private var thread: NIOThreadPool?
    /// Copies the WAL into the file beside the saves (`WALCheckpointer.swift`).
    var checkpointer: WALCheckpointer?
    /// The file the connection has open: one deleted or replaced meanwhile is opened again.
    var openedFile: StateFolder.FileIdentity?
    /// What each job's row holds now, as far as this process knows: a save compares with it.
    var written: [JobKey: WrittenJob] = [:]
    /// How long the saves since `takeSaveTimes()` took here.
    var saveTimes = SaveTimes()
    /// Said once, on the first connection: what was done to the file (migrated, moved aside).
    public private(set) var notices: [String] = []
    /// An operation is running (`exclusive`), and those waiting for it.
    private var inUse = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// 1: jobs, sub-jobs, events, resources, leases, wants.
    public static let schemaVersion = 1
    /// `PRAGMA application_id`: "JWST". Another program's SQLite file is left alone.
    static let applicationID = 0x4A57_5354
    /// How long a write waits for another process's write before it gives up this time.
    static let busyTimeout = Duration.seconds(5)
    let busyTimeout: Duration
    let checkpointSpacing: Duration

    struct WrittenJob: Sendable {
        var id: Int
        var head: Int
        var subJobs: [Int]
    }

    public init(path: String) {
        self.init(path: path, busyTimeout: Self.busyTimeout)
    }

    /// A shorter wait for another process's lock: a test of it need not take 5 s; checkpoints
    /// without spacing: a test of them need not wait 10 s.
    init(path: String, busyTimeout: Duration, checkpointSpacing: Duration = WALCheckpointer.spacing) {
        // Absolute: a relative path has no folder to make, and other windows started
        // elsewhere must name the same file.
        self.path = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        self.busyTimeout = busyTimeout
        self.checkpointSpacing = checkpointSpacing
    }

    /// Dropped without `close()` (a run that failed before its engine ran): the connection is
    /// closed all the same, not leaked (sqlite-nio asserts on that in debug builds).
    deinit {
        let thread = thread
        _ = connection?.close().always { _ in thread?.shutdownGracefully { _ in } }
    }

    /// `$XDG_STATE_HOME/jobwatch/state.db`, else `~/.local/state/jobwatch/state.db`.
    public static func defaultPath(environment: [String: String]) -> String {
        StateStore.defaultPath(environment: environment, name: "state.db")
    }

    /// Opens the database once (creating it, migrating a JSON state file); later calls reuse it.
    /// A failed open is tried again on the next call: the folder may be fixed meanwhile.
    func connect() async throws(StateProblem) -> SQLiteConnection {
        if let connection {
            if let openedFile, openedFile == StateFolder.FileIdentity(path) { return connection }
            // Deleted, moved aside or replaced since: in WAL mode SQLite would go on writing to a
            // file nobody reads again, and say nothing.
            await closeConnection()
        }
        // Behind a symlink (a synced folder, say) the target is what is created, imported into
        // and moved aside: the link stays a link.
        let file = try StateFolder.target(of: path)
        try StateFolder.prepare(for: file)
        let legacy = try LegacyStateImport.takeAside(databasePath: file)
        let thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
        let connection: SQLiteConnection
        do throws(StateProblem) {
            connection = try await openMovingDamagedAside(file, on: thread)
        } catch {
            await Task { try? await thread.shutdownGracefully() }.value
            throw error
        }
        self.thread = thread
        self.connection = connection
        checkpointer = WALCheckpointer(file: file, spacing: checkpointSpacing)
        openedFile = StateFolder.FileIdentity(path)
        if let legacy {
            guard let file = legacy.file else {
                notices.append(legacy.notice)
                return connection
            }
            do {
                try await importing(file, watched: true)
                notices.append(legacy.notice)
            } catch {
                notices.append("\(legacy.movedTo): not imported (\(error)) — it is kept; `jobwatch state import \(legacy.movedTo)` tries again")
            }
        }
        return connection
    }

    /// A damaged file is moved aside (never deleted) and a new database begun.
    private func openMovingDamagedAside(_ file: String, on thread: NIOThreadPool) async throws(StateProblem) -> SQLiteConnection {
        do {
            return try await Self.open(file, on: thread, busyTimeout: busyTimeout)
        } catch let error as SQLiteError where error.reason.isDamage {
            let aside = StateFolder.asideName(for: file, reason: "damaged")
            try StateFolder.move(file, to: aside)
            notices.append("\(path): the state database was damaged — moved to \(aside); starting afresh")
        } catch let problem as StateProblem {
            throw problem
        } catch {
            throw StateProblem(describe(error))
        }
        do {
            return try await Self.open(file, on: thread, busyTimeout: busyTimeout)
        } catch let problem as StateProblem {
            throw problem
        } catch {
            throw StateProblem(describe(error))
        }
    }

    private static func open(_ path: String, on thread: NIOThreadPool, busyTimeout: Duration) async throws -> SQLiteConnection {
        StateFolder.createPrivately(path)
        let connection = try await SQLiteConnection.open(
            storage: .file(path: path), threadPool: thread, on: MultiThreadedEventLoopGroup.singleton.any()
        )
        do {
            try await configure(connection, path: path, busyTimeout: busyTimeout)
            return connection
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private static func configure(_ connection: SQLiteConnection, path: String, busyTimeout: Duration) async throws {
        // sqlite-nio's own busy handler waits forever; a lock held for long must become a line.
        _ = try await connection.query("PRAGMA busy_timeout = \(Int(busyTimeout.seconds * 1000))")
        // One read transaction: a database another process is creating meanwhile is seen whole
        // or not at all (its tables without its application_id read as another program's).
        _ = try await connection.query("BEGIN")
        let version: Int, application: Int, tables: Int
        do {
            version = try await connection.query("PRAGMA user_version").first?.column("user_version")?.integer ?? 0
            application = try await connection.query("PRAGMA application_id").first?.column("application_id")?.integer ?? 0
            tables = try await connection.query("SELECT count(*) AS n FROM sqlite_master").first?.column("n")?.integer ?? 0
            _ = try await connection.query("COMMIT")
        } catch {
            _ = try? await connection.query("ROLLBACK")
            throw error
        }
        if tables > 0, application != applicationID {
            throw StateProblem("\(path): an SQLite database, but not jobwatch's state — give another --state-file (the file is left as it is)")
        }
        if version > schemaVersion {
            throw StateProblem("\(path): written by a newer jobwatch (state schema \(version), this one knows \(schemaVersion)) — upgrade, or give another --state-file (the file is left as it is)")
        }
        // WAL: readers never wait for the writer, and a commit writes only its pages.
        _ = try? await connection.query("PRAGMA journal_mode = WAL")
        _ = try await connection.query("PRAGMA synchronous = NORMAL")
        _ = try await connection.query("PRAGMA wal_autocheckpoint = \(WALCheckpointer.backstopPages)")
        _ = try await connection.query("PRAGMA foreign_keys = ON")
        if version < schemaVersion {
            try await StateSchema.create(on: connection, applicationID: applicationID, version: schemaVersion)
        }
    }

    /// Closes the connection (the engine stops); a later call opens it again. In a task of its
    /// own: sqlite-nio refuses work in a cancelled task, and a connection must be closed.
    public func close() async {
        await exclusive { await closeConnection() }
    }

    private func closeConnection() async {
        guard let connection else { return }
        let thread = thread
        let checkpointer = checkpointer
        self.connection = nil
        self.thread = nil
        self.checkpointer = nil
        openedFile = nil
        written.removeAll()
        await checkpointer?.close()
        await Task {
            try? await connection.close()
            try? await thread?.shutdownGracefully()
        }.value
    }

    /// Runs one operation at a time. The actor is re-entered at every await: a save, a lease
    /// round and a read of changes would otherwise open the connection twice (one dropped
    /// unclosed) or begin a transaction inside another's on the one connection.
    func exclusive<T, E: Error>(_ operation: () async throws(E) -> T) async throws(E) -> T {
        if inUse {
            // Handed over by the one running, in turn.
            await withCheckedContinuation { waiters.append($0) }
        } else {
            inUse = true
        }
        defer {
            if waiters.isEmpty { inUse = false } else { waiters.removeFirst().resume() }
        }
        return try await operation()
    }

    /// `describe` with this database's path and wait.
    func describe(_ error: any Error) -> String {
        Self.describe(error, path: path, busyTimeout: busyTimeout)
    }

    /// One line for an SQLite failure: what happened to which file, and what to do.
    static func describe(_ error: any Error, path: String, busyTimeout: Duration = busyTimeout) -> String {
        guard let error = error as? SQLiteError else { return "\(path): \(error)" }
        let reason = error.reason
        if reason.isBusy {
            return "\(path): locked by another process for over \(Int(busyTimeout.seconds)) s — saving is retried"
        }
        if reason.isReadOnly {
            return "\(path): read-only — check the file's and its folder's permissions; saving is retried"
        }
        if reason.isFull {
            return "\(path): the disk is full — free space; saving is retried"
        }
        if reason.isDamage {
            return "\(path): the state database is damaged — move it away to start afresh"
        }
        if reason.isCantOpen {
            return "\(path): cannot open the state database — check the folder's permissions, or give --state-file"
        }
        return "\(path): \(error.message)"
    }
}

extension SQLiteError.Reason {
    var isDamage: Bool {
        switch self {
        case .corrupt, .corruptVirtualTable, .corruptSequenceSchema, .corruptIndex, .notADatabase: true
        default: false
        }
    }

    var isBusy: Bool {
        switch self {
        case .busy, .busyTimeout, .busyInRecovery, .busyInSnapshot, .locked: true
        default: false
        }
    }

    var isReadOnly: Bool {
        switch self {
        case .readOnly, .readonlyInRecovery, .readonlyCantLock, .readonlyInRollback, .readonlyBackingMoved, .readonlyDirectory, .permission: true
        default: false
        }
    }

    var isFull: Bool {
        switch self {
        // A failed write is most often a full disk (or quota).
        case .full, .ioErrorFailedWrite: true
        default: false
        }
    }

    var isCantOpen: Bool {
        switch self {
        case .cantOpen, .cantOpenDirectory, .cantOpenInvalidPath, .cantOpenUnfollowedSymlink: true
        default: false
        }
    }
}
