import Foundation

/// A private temporary folder per test: HOME, XDG folders, state and jobs files live here,
/// so no test touches ~/.config or ~/.local/state, and parallel tests never share a file.
struct Scratch: Sendable {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("jobwatch-e2e-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A clean environment: no credentials or config of the machine's user, UTF-8, no TERM.
    var environment: [String: String] {
        [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": path,
            "LANG": "C.UTF-8",
            "XDG_CONFIG_HOME": file("config"),
            "XDG_STATE_HOME": file("state"),
            // Never the real 169.254.169.254: the discard port on loopback, unless a test sets one.
            "JOBWATCH_METADATA_URL": "http://127.0.0.1:9",
        ]
    }
}
