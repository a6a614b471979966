import Foundation

/// The built `jobwatch` executable these tests run.
enum JobwatchBinary {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// The package root: the folder above this file that holds Package.swift.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// Found once for the whole run (`static let` is initialised once, under a lock): beside
    /// the test bundle (`swift test` builds every product into the same folder), else in
    /// `.build/debug`, else built with `swift build --product jobwatch`.
    static let path: Result<String, Missing> = locate()

    static func require() throws -> String {
        try path.get()
    }

    private static func locate() -> Result<String, Missing> {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let given = environment["JOBWATCH_BINARY"], !given.isEmpty { candidates.append(given) }
        if let bundle = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("jobwatch").path)
        }
        candidates.append("\(packageRoot)/.build/debug/jobwatch")
        if let found = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) {
            return .success(found)
        }
        return build(fallback: "\(packageRoot)/.build/debug/jobwatch")
    }

    private static func build(fallback: String) -> Result<String, Missing> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "build", "--product", "jobwatch"]
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return .failure(Missing(description: "jobwatch is not built and `swift build --product jobwatch` did not start: \(error)"))
        }
        guard process.terminationStatus == 0, FileManager.default.isExecutableFile(atPath: fallback) else {
            return .failure(Missing(description: "jobwatch is not built and `swift build --product jobwatch` failed (status \(process.terminationStatus)) — build it first"))
        }
        return .success(fallback)
    }
}
