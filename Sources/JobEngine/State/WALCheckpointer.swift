import Foundation
import NIOPosix
import SQLiteNIO

/// Copies the WAL's pages into the database file beside the saves, on a connection and a
/// thread of its own. SQLite's automatic checkpoint ran inside the save that crossed 1,000
/// pages and made it the slowest by far (7–46 ms against a 1.3 ms save, StateWrites); a
/// passive checkpoint copies what the WAL holds while writers go on appending, so no save
/// waits for it. The database's own connection keeps an automatic one at 10,000 pages, should
/// this one never run (its file cannot be opened a second time, say).
actor WALCheckpointer {
    /// A checkpoint starts after a write, at least this long after the last one began: an idle
    /// dashboard's lease rounds (a write every 2 s) cost an fsync every 10 s, not every round.
    static let spacing = Duration.seconds(10)
    /// The automatic checkpoint's bound on the database's own connection.
    static let backstopPages = 10_000

    private let file: String
    private let spacing: Duration
    private var connection: SQLiteConnection?
    private var thread: NIOThreadPool?
    /// Waiting for the spacing to pass since the last began, then checkpointing.
    private var waiting: Task<Void, Never>?
    private var running: Task<Void, Never>?
    private var lastStarted: ContinuousClock.Instant?
    private var closed = false
    /// How long each checkpoint took, for whoever measures (`takeTimes()`).
    private var times: [Duration] = []

    init(file: String, spacing: Duration = WALCheckpointer.spacing) {
        self.file = file
        self.spacing = spacing
    }

    deinit {
        let thread = thread
        _ = connection?.close().always { _ in thread?.shutdownGracefully { _ in } }
    }

    /// A write was committed: a checkpoint starts now, or once the spacing has passed (a burst
    /// of saves is copied after it, not left in the WAL until the next write).
    func written() {
        guard !closed, waiting == nil, running == nil else { return }
        let wait = lastStarted.map { spacing - (ContinuousClock.now - $0) } ?? .zero
        guard wait > .zero else { return start() }
        waiting = Task {
            try? await Task.sleep(for: wait)
            waited()
        }
    }

    private func waited() {
        waiting = nil
        if !closed { start() }
    }

    private func start() {
        lastStarted = ContinuousClock.now
        running = Task { await checkpoint() }
    }

    private func checkpoint() async {
        let started = ContinuousClock.now
        if let connection = try? await opened() {
            _ = try? await connection.query("PRAGMA wal_checkpoint(PASSIVE)")
            if times.count < 4_096 { times.append(ContinuousClock.now - started) }
        }
        running = nil
    }

    private func opened() async throws -> SQLiteConnection {
        if let connection { return connection }
        let thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: file), threadPool: thread, on: MultiThreadedEventLoopGroup.singleton.any())
        } catch {
            try? await thread.shutdownGracefully()
            throw error
        }
        self.thread = thread
        self.connection = connection
        // Never sqlite-nio's wait without end for a lock.
        _ = try await connection.query("PRAGMA busy_timeout = 1000")
        return connection
    }

    /// Returns once no checkpoint runs (tests that measure the WAL).
    func finished() async {
        await running?.value
    }

    /// The checkpoints since the last call, forgotten here.
    func takeTimes() -> [Duration] {
        defer { times = [] }
        return times
    }

    /// Waits for a running checkpoint, then closes. In a task of its own: sqlite-nio refuses
    /// work in a cancelled task, and a connection must be closed.
    func close() async {
        closed = true
        // Closing the last connection copies the WAL anyway.
        waiting?.cancel()
        await waiting?.value
        await running?.value
        guard let connection else { return }
        let thread = thread
        self.connection = nil
        self.thread = nil
        await Task {
            try? await connection.close()
            try? await thread?.shutdownGracefully()
        }.value
    }
}
