import Foundation
import Testing

/// Every request has a total deadline, head and body: a body dribbled a byte at a time (which
/// restarts the read timeout with every byte) ends as a timeout, and `wait --timeout` holds.
@Suite(.timeLimit(.minutes(1)))
struct RequestDeadlineTests {
    /// 200 with a chunked body, one byte every 0.2 s, forever: the simulator cannot do that.
    static let dribble = """
    import socket, threading, time
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0)); s.listen(8)
    print(s.getsockname()[1], flush=True)
    def serve(c):
        try:
            c.recv(65536)
            c.sendall(b"HTTP/1.1 200 OK\\r\\nContent-Type: application/json\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n")
            while True:
                c.sendall(b"1\\r\\n \\r\\n"); time.sleep(0.2)
        except OSError:
            pass
        finally:
            c.close()
    while True:
        c, _ = s.accept(); threading.Thread(target=serve, args=(c,), daemon=True).start()
    """

    @Test func aDribbledBodyEndsAtTheRequestDeadline() async throws {
        let python = try await PythonServer.start(Self.dribble)
        defer { python.stop() }
        let port = python.port
        let scratch = try Scratch()
        defer { scratch.remove() }
        let config = scratch.file("config.json")
        try Data(#"{"poll": {"request_timeout": "2s", "connect_timeout": "1s"}}"#.utf8).write(to: URL(fileURLWithPath: config))
        let started = ContinuousClock.now
        let result = try await BinaryRunner(scratch: scratch).run(
            ["wait", "--config", config, "--endpoint", "http://127.0.0.1:\(port)", "--project-id", "p1", "--timeout", "8s", String(repeating: "d", count: 32)],
            timeout: .seconds(30)
        )
        #expect(result.exitCode == 2, "\(result)")
        #expect(ContinuousClock.now - started < .seconds(20), "\(result)")
        #expect(result.stdout.contains("ERROR  no complete answer within 2s"), "the stream says it at once\n\(result)")
        #expect(result.stdout.contains("UNREADABLE"), "\(result)")
        #expect(!result.stdout.contains("CancellationError"), "\(result)")
    }
}
