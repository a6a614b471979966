import Foundation
import Testing

/// `ca_file` belongs to its profile: another profile's private CA must not vouch for an endpoint.
@Suite("Private CA per profile", .timeLimit(.minutes(1)))
struct PrivateCATests {
    static let server = """
    import http.server, json, ssl, sys
    class H(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a): pass
        def do_GET(self):
            job_id = self.path.rsplit("/", 1)[-1]
            body = json.dumps({"job_id": job_id, "job_type": "baremetalAttachVolume", "status": "SUCCESS",
                "begin_time": "2026-05-01T08:00:00.000Z", "end_time": "2026-05-01T08:01:00.000Z", "entities": {}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
    s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(sys.argv[1], sys.argv[2])
    s.socket = context.wrap_socket(s.socket, server_side=True)
    print(s.server_address[1], flush=True)
    s.serve_forever()
    """

    @Test func eachProfileTrustsOnlyItsOwnCA() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let files = try await TestCertificates.make(in: scratch)
        let python = try await PythonServer.start(Self.server, arguments: [files.good, files.key])
        defer { python.stop() }
        let port = python.port
        let trusted = String(repeating: "a", count: 32), untrusted = String(repeating: "b", count: 32)
        let config = scratch.file("config.json")
        try Data("""
        {"profiles": {
           "private": {"endpoint": "https://127.0.0.1:\(port)", "project_id": "p1", "auth": "none", "ca_file": "\(files.ca)"},
           "other":   {"endpoint": "https://127.0.0.1:\(port)", "project_id": "p1", "auth": "none"}},
         "default_profile": "other",
         "jobs": [{"id": "\(trusted)", "profile": "private"}, {"id": "\(untrusted)", "profile": "other"}]}
        """.utf8).write(to: URL(fileURLWithPath: config))
        let result = try await BinaryRunner(scratch: scratch).run(["get", "--config", config, "--json"], timeout: .seconds(30))
        #expect(result.exitCode == 3, "\(result)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
        let jobs = try #require(document["jobs"] as? [[String: Any]])
        let read = jobs.first { $0["job_id"] as? String == trusted }
        let refused = jobs.first { $0["job_id"] as? String == untrusted }
        #expect((read?["job"] as? [String: Any])?["status"] as? String == "SUCCESS", "the profile with the CA reads it\n\(result)")
        #expect(refused?["job"] is NSNull, "the profile without it must not trust that certificate\n\(result)")
        #expect(result.stderr.contains("\(untrusted): certificate not trusted (issuer \"\(TestCertificates.caName)\")"), "\(result)")
    }
}
