import Foundation
import JobModel
import JobAPI

/// Reads and writes the state file atomically: a temporary file in the same folder, flushed
/// to disk, then renamed over the old one. A kill at any moment leaves either the old file or
/// the new one, never a torn one.
public struct StateStore: Sendable {
    public let path: String

    public struct Problem: UsageProblem, Sendable {
        public var description: String
        /// Not a state file at all (not its JSON): `state import` says so its own way.
        public var isUnreadable = false
    }

    public init(path: String) {
        self.path = path
    }

    /// The largest state file loaded: 100k jobs with their sub-jobs and a week of events fit.
    public static let largestLoaded = 128 * 1_048_576

    /// `$XDG_STATE_HOME/jobwatch/state.json`, else `~/.local/state/jobwatch/state.json`.
    public static func defaultPath(environment: [String: String], name: String = "state.json") -> String {
        let base: String
        // A relative one is ignored, as the XDG spec says (and the config loader does).
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            base = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        }
        return "\(base)/jobwatch/\(name)"
    }

    /// The saved state, or `nil` when there is none yet.
    public func load() throws(Problem) -> StateFile? {
        removeLeftovers()
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        // Read whole and decoded as a tree, a file costs about five times its size in memory.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > Self.largestLoaded {
            throw Problem(description: "\(path): the state file is \(size / 1_048_576) MiB, over the \(Self.largestLoaded / 1_048_576) MiB jobwatch loads — move it away to start afresh (it is left as it is), or run with --no-state")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(description: "\(path): cannot read the state file — check its permissions")
        }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601withFractions
            let file = try decoder.decode(StateFile.self, from: data)
            guard file.version <= StateFile.currentVersion else {
                throw Problem(description: "\(path): written by a newer jobwatch (version \(file.version)) — upgrade, or move the file away")
            }
            return file
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem(description: "\(path): the state file is damaged — move it away to start afresh", isUnreadable: true)
        }
    }

    /// Temporary files of writers killed mid-save (the state file itself is never torn).
    /// Only those of processes no longer alive: another jobwatch may be writing.
    private func removeLeftovers() {
        let folder = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(atPath: "\(folder)/\(name)")
            }
        }
    }

    public func save(_ file: StateFile) throws(Problem) {
        let data: Data
        do {
            data = try Self.encode(file)
        } catch {
            throw Problem(description: "cannot encode the state: \(error)")
        }
        try write(data)
    }

    /// The same JSON as encoding the whole `StateFile`, made one job and one event at a time:
    /// JSONEncoder builds a tree of the whole value first, four times the file's size for a
    /// state of 100k jobs.
    public static func encode(_ file: StateFile) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601withFractions
        encoder.outputFormatting = [.sortedKeys]
        func list(_ items: [some Encodable], into data: inout Data) throws {
            data.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { data.append(UInt8(ascii: ",")) }
                data.append(try encoder.encode(item))
            }
            data.append(UInt8(ascii: "]"))
        }
        var data = Data()
        data.append(contentsOf: Array(#"{"droppedEvents":\#(file.droppedEvents),"events":"#.utf8))
        try list(file.events, into: &data)
        data.append(contentsOf: Array(#","jobs":"#.utf8))
        try list(file.jobs, into: &data)
        if let resources = file.resources {
            data.append(contentsOf: Array(#","resources":"#.utf8))
            try list(resources, into: &data)
        }
        data.append(contentsOf: Array(#","savedAt":"#.utf8))
        data.append(try encoder.encode([file.savedAt]).dropFirst().dropLast())
        data.append(contentsOf: Array(#","version":\#(StateFile.currentVersion)}"#.utf8))
        return data
    }

    private func write(_ data: Data) throws(Problem) {
        // Through a symlink to its target: renaming over the link would replace the link with
        // a regular file and leave the target stale.
        let path = try Self.writeTarget(of: self.path)
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = "\(path).tmp-\(getpid())"
        do {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
                throw Problem(description: "\(folder): is a file, not a folder — the state file cannot be written there; move that file away or give --state-file")
            }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw Problem(description: "\(folder): cannot create the state file there — check the folder's permissions")
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary, path) == 0 else {
                throw Problem(description: "\(path): cannot replace the state file (errno \(errno))")
            }
        } catch let problem as Problem {
            try? FileManager.default.removeItem(atPath: temporary)
            throw problem
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw Problem(description: "\(path): cannot write the state file: \(error.localizedDescription)")
        }
    }
}

extension StateStore {
    /// The file a write must replace: `path` itself, or the end of its chain of symlinks
    /// (which need not exist yet).
    static func writeTarget(of path: String) throws(Problem) -> String {
        var current = path
        for _ in 0..<32 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
                return current
            }
            current = destination.hasPrefix("/")
                ? destination
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        throw Problem(description: "\(path): the state file is a loop of symlinks — point it at a file, or remove the link")
    }
}

extension JSONDecoder.DateDecodingStrategy {
    /// ISO 8601 with milliseconds, as jobwatch writes times.
    static var iso8601withFractions: JSONDecoder.DateDecodingStrategy {
        .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = JobTimestamp.parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 time: \(text)"))
            }
            return date
        }
    }
}

extension JSONEncoder.DateEncodingStrategy {
    static var iso8601withFractions: JSONEncoder.DateEncodingStrategy {
        .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(JobTimestamp.format(date))
        }
    }
}

