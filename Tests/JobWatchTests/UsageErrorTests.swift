import Foundation
import Testing

/// Refused command lines: exit 64 and exactly one `jobwatch: <what> — <how to fix>` line.
@Suite struct UsageErrorTests {
    static let someJobID = "2c9eb2c5544cbf6101544f0602af2b4f"

    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        /// A word the message must contain (what went wrong).
        var mentions: String
        var testDescription: String { arguments.joined(separator: " ").debugDescription }
    }

    static let cases: [Case] = [
        Case(arguments: ["get", "--demo", "--bogus"], mentions: "--bogus"),
        Case(arguments: ["--bogus"], mentions: "--bogus"),
        Case(arguments: ["wait", "--demo", "--timeout"], mentions: "--timeout"),
        Case(arguments: ["get", "--demo", "bad id"], mentions: "whitespace"),
        Case(arguments: ["get", "--demo", "ab\u{01}cd\u{1B}[2J"], mentions: "control characters"),
        Case(arguments: ["wait", "--demo", String(repeating: "a", count: 200)], mentions: "longer than"),
        Case(arguments: ["wait", "--demo", "--interval", "0s"], mentions: "--interval"),
        Case(arguments: ["wait", "--demo", "--poll-mode", "fast"], mentions: "--poll-mode"),
        Case(arguments: ["wait", "--demo", "--timeout", "soon"], mentions: "--timeout"),
        Case(arguments: ["get", "--endpoint", "http://example.com", "--project-id", someJobID, someJobID], mentions: "https"),
        Case(arguments: ["get", "--speed", "3", someJobID], mentions: "--demo"),
        Case(arguments: ["get", "--demo", "--scenario", "nosuch"], mentions: "nosuch"),
        Case(arguments: ["simulator", "--host", "0.0.0.0"], mentions: "loopback"),
        Case(arguments: ["get", "foo/123"], mentions: #"unknown service "foo" in "foo/123" — use one of: bms, ecs, evs, ims, vpc, cce, rds, dds, opengauss, taurusdb, geminidb, dcs, elb, sfsturbo, cbr, dms, geip, order"#),
        Case(arguments: ["wait", "--demo", "ecs/"], mentions: "is empty"),
    ]

    @Test(arguments: cases)
    func refusedWithOneLine(_ example: Case) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let result = try await BinaryRunner(scratch: scratch).run(example.arguments, timeout: .seconds(15))
        #expect(result.exitCode == 64, "\(result)")
        #expect(result.stderrLines.count == 1, "\(result)")
        let line = try #require(result.stderrLines.first, "\(result)")
        #expect(line.hasPrefix("jobwatch: "), "\(result)")
        #expect(line.contains(" — "), "\(result)")
        #expect(line.contains(example.mentions), "\(result)")
        // Text from the command line is echoed escaped, never raw to the terminal.
        #expect(!line.unicodeScalars.contains { $0.properties.generalCategory == .control }, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
    }
}
