import Foundation
import Testing

/// Text from the server and from a jobs file never reaches a terminal raw: every C0/C1 control
/// is escaped in plain output and error lines; JSON keeps it exact (escaped by JSON).
@Suite("Escape injection", .timeLimit(.minutes(1)))
struct EscapeInjectionTests {
    /// Every C0 control but NUL, DEL, every C1 control, and the sequences of the report.
    static let hostile: String = {
        var text = "\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{1B}[31m"
        for value in 1..<0x20 { text.unicodeScalars.append(Unicode.Scalar(value)!) }
        text.unicodeScalars.append(Unicode.Scalar(0x7F)!)
        for value in 0x80...0x9F { text.unicodeScalars.append(Unicode.Scalar(value)!) }
        // The bidi controls: "evil\u{202E}txt.exe" displays as "evilexe.txt".
        for value in Self.bidi { text.unicodeScalars.append(Unicode.Scalar(value)!) }
        return text + "evil\u{202E}txt.exe end"
    }()

    static let bidi: [UInt32] = Array(0x202A...0x202E) + Array(0x2066...0x2069) + [0x200E, 0x200F, 0x061C]

    static let failedID = "ff8080826a1b2c3d4e5f60718293a4b5"
    static let refusedID = "ff8080826a1b2c3d4e5f60718293a4b6"

    /// A job server in Python whose texts are all hostile: a failed job, and a 400 with a hostile message.
    static let server = """
    import http.server, json, sys
    hostile = json.loads(sys.argv[1])
    class H(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a): pass
        def do_GET(self):
            if self.path.endswith("\(refusedID)"):
                body = json.dumps({"error_code": "BMS." + hostile, "error_msg": hostile}).encode()
                self.send_response(400)
            else:
                body = json.dumps({"job_id": "\(failedID)", "job_type": "bms" + hostile, "status": "FAIL",
                    "begin_time": "2026-05-01T08:00:00.000Z", "end_time": "2026-05-01T08:05:00.000Z",
                    "error_code": "BMS." + hostile, "fail_reason": hostile,
                    "entities": {"server_id": hostile}}).encode()
                self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
    s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
    print(s.server_address[1], flush=True)
    s.serve_forever()
    """

    func forbidden(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || Self.bidi.contains($0.value) }
    }

    @Test func noControlCharacterReachesPlainOutputAndJSONStaysExact() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let hostileJSON = String(decoding: try JSONEncoder().encode(Self.hostile), as: UTF8.self)
        let python = try await PythonServer.start(Self.server, arguments: [hostileJSON])
        defer { python.stop() }
        let port = python.port
        let runner = try BinaryRunner(scratch: scratch)
        let common = ["--endpoint", "http://127.0.0.1:\(port)", "--project-id", "p1", "--interval", "1s"]
        // A label can hold anything but a line break.
        let label = "rack\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{9B}31m"
        let stdin = Data("\(Self.failedID) \(label)\n\(Self.refusedID)\n".utf8)

        var runs: [BinaryRunner.Result] = []
        runs.append(try await runner.run(["get", "-"] + common, stdin: stdin))
        runs.append(try await runner.run(["wait", "-", "--timeout", "20s"] + common, stdin: stdin))
        runs.append(try await runner.run(["--plain", "--no-state", "--exit-when-done", "-"] + common, stdin: stdin))
        for run in runs {
            #expect(run.exitCode == 3, "\(run)")
            #expect(!forbidden(run.stdout), "a control character on stdout\n\(run)")
            #expect(!forbidden(run.stderr), "a control character on stderr\n\(run)")
            #expect(run.stdout.contains("\\u{1B}]0;PWNED\\u{7}") || run.stderr.contains("\\u{1B}]0;PWNED\\u{7}"), "shown, escaped\n\(run)")
            #expect(run.stdout.contains("evil\\u{202E}txt.exe") || run.stderr.contains("evil\\u{202E}txt.exe"), "bidi shown, escaped\n\(run)")
        }
        #expect(runs[0].stderr.contains("\(Self.refusedID): HTTP 400"), "\(runs[0])")

        // JSON: every string exactly as the server sent it, and nothing raw on the terminal.
        let json = try await runner.run(["get", "-", "--json"] + common, stdin: stdin)
        #expect(!forbidden(json.stdout), "\(json)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json)")
        let jobs = try #require(document["jobs"] as? [[String: Any]])
        let failed = try #require(jobs.first { $0["job_id"] as? String == Self.failedID })
        #expect(failed["label"] as? String == label)
        #expect((failed["job"] as? [String: Any])?["fail_reason"] as? String == Self.hostile)
        let lines = try await runner.run(["wait", "-", "--json", "--timeout", "20s"] + common, stdin: stdin)
        #expect(!forbidden(lines.stdout), "\(lines)")
        let transition = try #require(FaultHarness.jsonLines(lines.stdout).first { $0["event"] as? String == "transition" }, "\(lines)")
        #expect(transition["job_type"] as? String == "bms" + Self.hostile)
    }
}
