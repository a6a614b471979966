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
            // Never the real metadata service: the discard port on loopback, unless a test sets
            // another loopback one (`withExtra` refuses anything else).
            "JOBWATCH_METADATA_URL": "http://127.0.0.1:9",
        ]
    }

    /// The clean environment with a test's variables on top; the metadata service's default is
    /// off loopback, so no test may ever run jobwatch without a loopback one.
    func environment(withExtra extra: [String: String]) -> [String: String] {
        Self.withExtra(extra, on: environment)
    }

    static func withExtra(_ extra: [String: String], on base: [String: String]) -> [String: String] {
        let merged = base.merging(extra) { _, new in new }
        precondition(merged["JOBWATCH_METADATA_URL"]?.hasPrefix("http://127.0.0.1") == true, "a test ran jobwatch without a loopback JOBWATCH_METADATA_URL")
        return merged
    }
}
