import Foundation

/// The state's folder and what is moved aside in it: nothing there is ever deleted.
enum StateFolder {
    /// Creates the folder (0700: a state names jobs and projects) or says why it cannot.
    static func prepare(for path: String) throws(StateProblem) {
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw StateProblem("\(folder): is a file, not a folder — the state cannot be kept there; move that file away or give --state-file")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StateProblem("\(folder): cannot create the state's folder — check the permissions above it, or give --state-file")
        }
    }

    /// The database file made before SQLite opens it, readable by its owner only: it names
    /// jobs and projects. SQLite gives its WAL files the same mode. open(2), not an atomic
    /// write: a rename would replace a symlink with a file, or a database another process has
    /// just begun with an empty one.
    static func createPrivately(_ path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        if descriptor >= 0 { close(descriptor) }
    }

    /// Which file is at a path (through its links) now.
    struct FileIdentity: Sendable, Hashable {
        var device: UInt64
        var inode: UInt64

        init?(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// The file at the end of `path`'s symlinks, which need not exist yet.
    static func target(of path: String) throws(StateProblem) -> String {
        do {
            return try StateStore.writeTarget(of: path)
        } catch {
            throw StateProblem(error.description)
        }
    }

    /// `state.db.damaged-20261207T112233` beside the file: the moment says which is which.
    static func asideName(for path: String, reason: String, at date: Date = Date()) -> String {
        var name = "\(path).\(reason)-\(stamp(date))"
        var attempt = 1
        while FileManager.default.fileExists(atPath: name) {
            attempt += 1
            name = "\(path).\(reason)-\(stamp(date))-\(attempt)"
        }
        return name
    }

    /// Moves a database with its WAL and shared-memory files.
    static func move(_ path: String, to aside: String) throws(StateProblem) {
        guard rename(path, aside) == 0 else {
            throw StateProblem("\(path): damaged, and it cannot be moved aside (errno \(errno)) — move it away yourself to start afresh")
        }
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            _ = rename(path + suffix, aside + suffix)
        }
    }

    private static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        return formatter.string(from: date)
    }
}
