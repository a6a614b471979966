import Foundation

/// The JSON state file of jobwatch before the database (versions 1 and 2): imported on the
/// first start and kept beside, renamed `….migrated`, never deleted.
enum LegacyStateImport {
    struct Taken {
        /// `nil`: unreadable, only moved out of the database's way.
        var file: StateFile?
        var movedTo: String
        var notice: String
    }

    /// The JSON state to import before the database at `databasePath` is opened: the file
    /// itself when `--state-file` names an old JSON state, or `state.json` beside a
    /// `state.db` that does not exist yet. Renamed to `….migrated` before the import, so a
    /// second process never imports it twice.
    static func takeAside(databasePath: String) throws(StateProblem) -> Taken? {
        let source: String
        if isJSON(databasePath) {
            source = databasePath
        } else {
            let sibling = ((databasePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("state.json")
            guard (databasePath as NSString).lastPathComponent == "state.db",
                  !FileManager.default.fileExists(atPath: databasePath), isJSON(sibling) else { return nil }
            source = sibling
        }
        let file: StateFile
        do {
            guard let loaded = try StateStore(path: source).load() else { return nil }
            file = loaded
        } catch {
            // Unreadable: kept, and out of the database's way when it stood at its path.
            guard source == databasePath else { return nil }
            let aside = StateFolder.asideName(for: source, reason: "unreadable")
            try StateFolder.move(source, to: aside)
            let reason = error.description.components(separatedBy: " — ").first ?? error.description
            return Taken(file: nil, movedTo: aside, notice: "\(reason): not imported — kept as \(aside); a new state begins at \(databasePath)")
        }
        let movedTo = source + ".migrated"
        guard !FileManager.default.fileExists(atPath: movedTo) || source == databasePath else { return nil }
        let target = FileManager.default.fileExists(atPath: movedTo) ? StateFolder.asideName(for: movedTo, reason: "again") : movedTo
        guard rename(source, target) == 0 else {
            throw StateProblem("\(source): cannot rename the old state file to \(target) (errno \(errno)) — check the folder's permissions")
        }
        return Taken(file: file, movedTo: target, notice: "\(source): imported into \(databasePath) (\(file.jobs.count) jobs, \(file.events.count) events); the old file is kept as \(target)")
    }

    /// An old state file starts with `{`; a database with "SQLite format 3".
    static func isJSON(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 64)) ?? Data()
        return head.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) } == UInt8(ascii: "{")
    }
}
