import Foundation
import Testing

/// Input that used to trap, hang or be taken for a network error: each is exit 64 and one
/// `jobwatch: <what> — <how to fix>` line, naming the option.
@Suite struct HardeningEndToEndTests {
    static let id = "2c9eb2c5544cbf6101544f0602af2b4f"
    static let loopback = ["--endpoint", "https://127.0.0.1:9", "--project-id", id]

    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var mentions: String
        /// Files the case needs in its scratch folder: name → contents (`nil`: a folder).
        var files: [String: String?] = [:]
        var testDescription: String { arguments.joined(separator: " ").prefix(120).debugDescription }
    }

    static let cases: [Case] = [
        Case(arguments: ["get", "--endpoint", "http://127.0.0.1:65536", "--project-id", id, id], mentions: "1 to 65535"),
        Case(arguments: ["get", "--endpoint", "http://127.0.0.1:99999", "--project-id", id, id], mentions: "1 to 65535"),
        Case(arguments: ["wait", "--demo", "--interval", "99999999999h", id], mentions: "--interval"),
        Case(arguments: ["wait", "--demo", "--timeout", "99999999999h", id], mentions: "too long"),
        Case(arguments: ["simulator", "--fault", "slow=1e300s"], mentions: "slow=1e300s"),
        Case(arguments: ["simulator", "--port", "-1"], mentions: "--port -1 is out of range"),
        Case(arguments: ["simulator", "--speed", "-1"], mentions: "out of range"),
        Case(arguments: ["get", "--demo", "--speed", "-1", id], mentions: "out of range"),
        Case(arguments: ["get", "--demo", "--interval=", id], mentions: "--interval= has an empty value"),
        Case(arguments: ["--config", "@/folder"], mentions: "is a directory", files: ["folder": nil]),
        Case(arguments: ["get", "--ca-file", "/etc/passwd"] + loopback + [id], mentions: "--ca-file /etc/passwd"),
        Case(arguments: ["get", "--ca-file", "/dev/null"] + loopback + [id], mentions: "--ca-file /dev/null"),
        Case(arguments: ["get", "--ca-file", "@/folder"] + loopback + [id], mentions: "is a directory", files: ["folder": nil]),
        Case(arguments: ["get", "--demo", "--log-file", "@/folder", id], mentions: "--log-file", files: ["folder": nil]),
        Case(arguments: ["--demo", "--plain", "--state-file", "@/folder"], mentions: "--state-file", files: ["folder": nil]),
        Case(arguments: ["--demo", "--plain", "--jobs-file", "/dev/zero"], mentions: "--jobs-file /dev/zero"),
        Case(arguments: ["--demo", "--plain", "--jobs-file", "@/folder"], mentions: "is a directory", files: ["folder": nil]),
        Case(arguments: ["get", "--config", "@/c.json", id], mentions: "secrets do not belong in the config",
             files: ["c.json": #"{"profiles": {"p": {"endpoint": "http://127.0.0.1:9", "project_id": "p1", "access_key": "AKVALUE0001"}}}"#]),
        Case(arguments: ["get", "--config", "@/c.json", id], mentions: "secrets do not belong in the config",
             files: ["c.json": #"{"profiles": {"p": {"endpoint": "http://127.0.0.1:9", "project_id": "p1", "skk": "AKVALUE0001"}}}"#]),
        Case(arguments: ["get", "--config", "@/c.json", id], mentions: "profiles.p.credentials_file",
             files: ["c.json": #"{"profiles": {"p": {"endpoint": "http://127.0.0.1:9", "project_id": "p1", "credentials_file": "folder"}}}"#, "folder": nil]),
        Case(arguments: ["get", "--config", "@/c.json", id], mentions: "profiles.p.ca_file",
             files: ["c.json": #"{"profiles": {"p": {"endpoint": "https://127.0.0.1:9", "project_id": "p1", "ca_file": "/etc/passwd"}}}"#]),
    ]

    @Test(arguments: cases)
    func refusedWithOneLine(_ example: Case) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for (name, contents) in example.files {
            if let contents {
                #expect(FileManager.default.createFile(atPath: scratch.file(name), contents: Data(contents.utf8)))
            } else {
                try FileManager.default.createDirectory(atPath: scratch.file(name), withIntermediateDirectories: true)
            }
        }
        let arguments = example.arguments.map { $0.hasPrefix("@/") ? scratch.file(String($0.dropFirst(2))) : $0 }
        let result = try await BinaryRunner(scratch: scratch).run(arguments, timeout: .seconds(15))
        #expect(result.exitCode == 64, "\(result)")
        #expect(result.stderrLines.count == 1, "\(result)")
        let line = try #require(result.stderrLines.first, "\(result)")
        #expect(line.hasPrefix("jobwatch: "), "\(result)")
        #expect(line.components(separatedBy: " — ").count == 2, "exactly one ' — ': \(result)")
        #expect(line.contains(example.mentions), "\(result)")
        #expect(!line.contains("AKVALUE0001"), "a value from the config was echoed: \(result)")
    }

    @Test func aHugeJobIDIsEchoedCutWithItsLength() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let huge = String(repeating: "a", count: 10_000)
        let result = try await BinaryRunner(scratch: scratch).run(["get", "--demo", huge], timeout: .seconds(15))
        #expect(result.exitCode == 64, "\(result)")
        let line = try #require(result.stderrLines.first, "\(result)")
        #expect(line.count < 300, "\(line.count) characters")
        #expect(line.contains("…\" (10000 bytes)"), "\(line)")
    }
}
