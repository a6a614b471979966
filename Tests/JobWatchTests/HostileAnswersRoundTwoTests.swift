import Foundation
import Testing

/// What a hostile tester found in round two, the real binary against small Python servers:
/// a reason cut mid-character, a key given twice, a header flood, a metadata service that
/// answers garbage.
@Suite("Hostile answers, round two", .timeLimit(.minutes(2)))
struct HostileAnswersRoundTwoTests {
    static let jobID = "ff8080826a1b2c3d4e5f60718293a4c1"

    /// Serves one body (bytes, hex-encoded in argv[1]) for every job, with argv[2] extra
    /// `Set-Cookie` headers of 1 KB each, and garbage for the metadata service's paths.
    static let server = """
    import http.server, sys
    body = bytes.fromhex(sys.argv[1])
    cookies = int(sys.argv[2])
    class H(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a): pass
        def answer(self):
            if "/meta-data/" in self.path or "/openstack/" in self.path:
                payload = b'{"credential": {"access": 42}}'
            else:
                payload = body
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            for i in range(cookies):
                self.send_header("Set-Cookie", "c%d=%s" % (i, "x" * 1024))
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        do_GET = answer
        do_PUT = answer
    s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
    print(s.server_address[1], flush=True)
    s.serve_forever()
    """

    static func serve(_ body: Data, cookies: Int = 0) async throws -> PythonServer {
        try await PythonServer.start(server, arguments: [body.map { String(format: "%02x", $0) }.joined(), "\(cookies)"])
    }

    static func common(_ port: Int) -> [String] {
        ["--endpoint", "http://127.0.0.1:\(port)", "--project-id", "p1", "--auth", "none", "--no-names"]
    }

    static func failedJob(reason: Data) -> Data {
        Data(#"{"job_id":"\#(jobID)","job_type":"baremetalBatchCreate","status":"FAIL","begin_time":"2026-05-01T08:00:00.000Z","end_time":"2026-05-01T08:05:00.000Z","entities":{},"fail_reason":""#.utf8)
            + reason + Data(#""}"#.utf8)
    }

    @Test func reasonCutMidCharacterIsStillAFailure() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // 磁盘空间不足 with its last character cut after two of its three bytes, and stray \xff\xfe.
        let reason = Data("磁盘空间不".utf8) + Data([0xFF, 0xFE]) + Data("足".utf8).prefix(2)
        let python = try await Self.serve(Self.failedJob(reason: reason))
        defer { python.stop() }
        let runner = try BinaryRunner(scratch: scratch)
        let get = try await runner.run(["get", "--timeout", "30s"] + Self.common(python.port) + [Self.jobID])
        #expect(get.exitCode == 1, "a FAIL job: exit 1, not 3\n\(get)")
        #expect(get.stdout.contains("FAIL"), "\(get)")
        #expect(get.stdout.contains("磁盘空间不\u{FFFD}\u{FFFD}\u{FFFD}"), "\(get)")
        let wait = try await runner.run(["wait", "--timeout", "20s"] + Self.common(python.port) + [Self.jobID])
        #expect(wait.exitCode == 1, "wait sees the FAIL\n\(wait)")
    }

    @Test func aKeyGivenTwiceKeepsTheLast() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let body = Data(#"{"job_id":"\#(Self.jobID)","status":"SUCCESS","entities":{},"status":"FAIL","fail_reason":"the second word"}"#.utf8)
        let python = try await Self.serve(body)
        defer { python.stop() }
        let get = try await BinaryRunner(scratch: scratch).run(["get", "--timeout", "30s", "--json"] + Self.common(python.port) + [Self.jobID])
        #expect(get.exitCode == 1, "jq, Python and Go read FAIL\n\(get)")
        #expect(get.stdout.contains(#""status" : "FAIL""#) || get.stdout.contains(#""status":"FAIL""#), "\(get)")
    }

    @Test func headerFloodIsNamedAsSuch() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let python = try await Self.serve(Self.failedJob(reason: Data("x".utf8)), cookies: 120)
        defer { python.stop() }
        let get = try await BinaryRunner(scratch: scratch).run(["get", "--timeout", "30s"] + Self.common(python.port) + [Self.jobID])
        #expect(get.exitCode == 3, "\(get)")
        #expect(get.stderr.contains("headers are too large"), "\(get)")
        #expect(!get.stderr.contains("not HTTP"), "\(get)")
    }

    @Test func metadataGarbageNamesTheMetadataService() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let python = try await Self.serve(Self.failedJob(reason: Data("x".utf8)))
        defer { python.stop() }
        let metadata = "http://127.0.0.1:\(python.port)"
        let get = try await BinaryRunner(scratch: scratch).run(
            ["get", "--endpoint", "http://127.0.0.1:\(python.port)", "--project-id", "p1", "--auth", "metadata", Self.jobID],
            environment: ["JOBWATCH_METADATA_URL": metadata]
        )
        #expect(get.exitCode == 3, "\(get)")
        #expect(get.stderr.contains("metadata service at \(metadata)"), "\(get)")
        #expect(get.stderr.contains("JOBWATCH_METADATA_URL"), "\(get)")
        #expect(!get.stderr.contains("job API"), "the metadata service is not the job API\n\(get)")
    }
}
