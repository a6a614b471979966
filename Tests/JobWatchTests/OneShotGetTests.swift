import Foundation
import JobModel
import JobAPI
import JobSimulator
import Testing

/// `get` is a one-shot read: it answers within seconds whatever the server does.
@Suite("get answers promptly", .timeLimit(.minutes(2)))
struct OneShotGetTests {
    /// A 200 that is not a job will not become one in a second: one request each, exit 3.
    @Test func htmlAnswerIsReportedAfterOneRequest() async throws {
        try await FaultHarness.with(scenario: .rollout, speed: 1, faults: FaultPlan([.init(.html, .always)])) { harness in
            let ids = Array(harness.simulator.topLevelJobIDs.prefix(6))
            let started = ContinuousClock.now
            let result = try await harness.runner.run(harness.arguments(["get"] + ids), timeout: .seconds(20))
            #expect(result.exitCode == 3, "\(result)")
            #expect(ContinuousClock.now - started < .seconds(15), "get waited on answers that will not change\n\(result)")
            for id in ids {
                #expect(await harness.simulator.requestCount(jobID: id) == 1, "\(id) asked again\n\(result)")
                #expect(result.stderr.contains("\(id): "), "each job's error is named\n\(result)")
            }
            #expect(!result.stderr.contains("retries with backoff"), "get does not retry this\n\(result)")
        }
    }

    /// 5xx is worth retrying, twice and quickly; then get reports it.
    @Test func serverErrorsGetTwoQuickRetries() async throws {
        // What the server says, not how long it takes: a loaded CI machine timed out the third
        // request under the 3 s timeout, and `get` named the timeout instead of the 503.
        try await FaultHarness.with(
            scenario: .quick, speed: 1, faults: FaultPlan([.init(.serverError(status: 503), .always)])
        ) { harness in
            let id = harness.simulator.topLevelJobIDs[0]
            let result = try await harness.runner.run(harness.arguments(["get", id]), timeout: .seconds(50))
            #expect(result.exitCode == 3, "\(result)")
            #expect(await harness.simulator.requestCount(jobID: id) == 3, "one request and two retries\n\(result)")
            #expect(result.stderr.contains("HTTP 503"), "\(result)")
        }
    }

    /// A connection dropped mid-answer is worth retrying, like a 5xx: three requests, then reported.
    @Test func droppedConnectionsGetTheSameRetriesAs5xx() async throws {
        try await FaultHarness.with(scenario: .quick, speed: 1, faults: FaultPlan([.init(.drop, .always)]), config: FaultHarness.shortTimeoutConfig) { harness in
            let id = harness.simulator.topLevelJobIDs[0]
            // A drop is seen as the connection closing or, when the close is not noticed, as a
            // timeout (3 s here): room for three of those.
            let result = try await harness.runner.run(harness.arguments(["get", id, "--timeout", "30s"]), timeout: .seconds(45))
            #expect(result.exitCode == 3, "\(result)")
            #expect(await harness.simulator.requestCount(jobID: id) == 3, "one request and two retries\n\(result)")
            #expect(!result.stderr.contains("retries with backoff"), "it says what it did, not what it would do\n\(result)")
        }
    }

    /// Something that does not speak HTTP (an SSH banner) is one plain line, not a parser's words.
    @Test func nonHTTPServerIsOnePlainLine() async throws {
        let banner = """
        import socket
        s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
        print(s.getsockname()[1], flush=True)
        while True:
            c, _ = s.accept(); c.sendall(b"SSH-2.0-OpenSSH_9.2p1 Debian-2\\r\\n"); c.close()
        """
        let python = try await PythonServer.start(banner)
        defer { python.stop() }
        let port = python.port
        let scratch = try Scratch()
        defer { scratch.remove() }
        let result = try await BinaryRunner(scratch: scratch).run(
            ["get", "--endpoint", "http://127.0.0.1:\(port)", "--project-id", "p1", String(repeating: "c", count: 32)], timeout: .seconds(20)
        )
        #expect(result.exitCode == 3, "\(result)")
        let line = try #require(result.stderrLines.first, "\(result)")
        #expect(line.contains("the answer is not HTTP") || line.contains("closed before the answer was complete"), "\(result)")
        #expect(!line.contains("invalid constant string"), "no parser's words\n\(result)")
    }

    /// Nothing listens: reported after one attempt, in plain words.
    @Test func refusedConnectionIsOnePlainLine() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let port = try FreePort.take()
        let result = try await BinaryRunner(scratch: scratch).run(
            ["get", "--endpoint", "http://127.0.0.1:\(port)", "--project-id", "p1", String(repeating: "a", count: 32)], timeout: .seconds(20)
        )
        #expect(result.exitCode == 3, "\(result)")
        let line = try #require(result.stderrLines.first, "\(result)")
        #expect(line.contains("connection refused"), "\(result)")
        #expect(line.contains("nothing listens there"), "\(result)")
        #expect(!line.contains("errno"), "no raw library text\n\(result)")
    }

    /// A budget of 30 a minute reads 27 of 40 jobs within a 3 s timeout, and says why the rest was not.
    @Test func budgetOrTimeoutIsNamedForJobsNotRead() async throws {
        try await FaultHarness.with(scenario: .soak, speed: 1) { harness in
            let ids = (0..<40).map { String(format: "%032x", 0xbeef00 + $0) }
            let config = harness.scratch.file("slow-budget.json")
            try Data(#"{"poll": {"interval": "1s", "requests_per_minute": 30}}"#.utf8).write(to: URL(fileURLWithPath: config))
            let result = try await harness.runner.run(
                ["get", "--endpoint", harness.baseURL, "--project-id", "p1", "--config", config, "--timeout", "3s"] + ids, timeout: .seconds(20)
            )
            #expect(result.exitCode == 3, "\(result)")
            let line = try #require(result.stderrLines.first { $0.contains("jobs not read") }, "\(result)")
            #expect(line.contains("of 40 jobs not read"), "\(result)")
            #expect(line.contains("30 per minute"), "\(result)")
            #expect(line.contains("--timeout"), "\(result)")
        }
    }
}

/// A port nothing listens on (bound, then closed).
enum FreePort {
    static func take() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw FaultHarnessProblem(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
