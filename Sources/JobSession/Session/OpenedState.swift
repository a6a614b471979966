import JobModel
import JobEngine

/// The state database as a run starts with it: what it restores, and what went wrong.
public struct OpenedState: Sendable {
    public var database: StateDatabase
    public var role: StateRole
    /// The dashboards' watch list and its answers; `nil` for a run of its own jobs, or when
    /// the database cannot be read.
    public var restored: StateFile?
    /// Why it cannot be read or written now: one line, said once; saving is retried.
    public var problem: String?
    /// What was done to it on opening (imported, moved aside): one line each.
    public var notices: [String]
    /// Where the restored state was read: what other windows write later is newer.
    public var cursor = StateDatabase.Cursor()

    /// Opens and reads the database. Never fails: a state that cannot be kept must not stop
    /// the polling.
    public static func open(path: String, role: StateRole) async -> OpenedState {
        let database = StateDatabase(path: path)
        var opened = OpenedState(database: database, role: role, restored: nil, problem: nil, notices: [])
        do {
            let loaded = try await database.load(role == .sharedWatchList ? .watched : .jobs([]))
            if role == .sharedWatchList {
                opened.restored = loaded.file
                opened.cursor = loaded.cursor
            }
        } catch {
            opened.problem = error.description
        }
        opened.notices = await database.notices
        return opened
    }
}
