import Foundation
import JobModel
import JobEngine
import JobSession

/// A folder of one test's own: its config file, credentials files and a `HOME` without an SDK
/// credentials file, so nothing is read from the user's home or the process environment.
/// Removed by the test (`defer { scratch.remove() }`), which also keeps it alive until then.
struct SessionScratch {
    let path: String

    /// A project ID of the right shape; never a real one.
    static let projectID = "0123456789abcdef0123456789abcdef"

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("jobwatch-session-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to `name` in the folder (mode 600 by default: credentials files must be private).
    @discardableResult
    func write(_ name: String, _ text: String, mode: Int = 0o600) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true
        )
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file)
        return file
    }

    /// Writes `config.json` and returns its path, for `flags.config`.
    func config(_ json: String) throws -> String {
        try write("config.json", json)
    }

    /// The only environment a test's session sees: `HOME` here, plus `extra`.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ["HOME": path].merging(extra) { _, new in new }
    }

    /// A session from `configJSON` (written here and named with `--config`), `flags` over it,
    /// and this folder's environment plus `environment`. Standard input is `stdin`.
    func session(
        config configJSON: String, flags: SessionFlags = SessionFlags(), arguments: [String] = [],
        environment extra: [String: String] = [:], includeConfiguredJobs: Bool = false,
        purpose: SessionPurpose = .wait, stdin: String = ""
    ) async throws -> Session {
        var flags = flags
        flags.config = try config(configJSON)
        return try await Session.make(
            flags: flags, jobArguments: arguments, environment: environment(extra),
            includeConfiguredJobs: includeConfiguredJobs, purpose: purpose, standardInput: { Data(stdin.utf8) }
        )
    }
}

extension SessionFlags {
    /// Flags with only `change` applied.
    static func with(_ change: (inout SessionFlags) -> Void) -> SessionFlags {
        var flags = SessionFlags()
        change(&flags)
        return flags
    }
}

extension Session {
    /// The resolved profile named `name`.
    func profile(_ name: String) -> ProfileTarget? {
        profiles.first { $0.name == name }
    }

    /// Where `name`'s credential and project ID came from.
    func resolution(_ name: String) -> ProfileResolution? {
        resolutions.first { $0.target.name == name }
    }
}

/// A loopback endpoint URL on `port` (no request is ever made to it).
func loopback(_ port: Int, scheme: String = "http") -> String {
    "\(scheme)://127.0.0.1:\(port)"
}

/// The error `body` throws, or `nil` when it throws none.
func thrownError(_ body: () async throws -> Void) async -> (any Error)? {
    do {
        try await body()
        return nil
    } catch {
        return error
    }
}
