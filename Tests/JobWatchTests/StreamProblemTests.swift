import Foundation
import JobModel
import JobAPI
import JobSimulator
import Testing

/// What goes wrong is said at once, once, in every mode.
@Suite("Problems in the stream", .timeLimit(.minutes(2)))
struct StreamProblemTests {
    /// A server failing every request, and a job that does not exist: one line each, at once.
    @Test func errorsAndNotFoundShowAtOnceAndOnce() async throws {
        // Patient: a request timing out first on a loaded machine is another problem, and rightly
        // a second line.
        try await FaultHarness.with(scenario: .quick, speed: 1, faults: FaultPlan([.init(.serverError(status: 503), .always)])) { harness in
            let id = harness.simulator.topLevelJobIDs[0]
            let child = try harness.runner.start(harness.arguments(["--plain", "--no-state", id]))
            defer { child.stop() }
            let shown = await child.waitForOutput(timeout: .seconds(20)) { $0.contains("\(id)  ERROR  HTTP 503") }
            #expect(shown, "\(child.transcript)")
            // Retries go on (backoff) without a line each.
            #expect(await eventually(timeout: .seconds(20)) { await harness.simulator.requestCount(jobID: id) >= 2 }, "asked again")
            #expect(ScreenText.lines(child.stdout).count { $0.contains("ERROR") } == 1, "one line per job and problem\n\(child.transcript)")
        }
        try await FaultHarness.with(scenario: .quick, speed: 1) { harness in
            let missing = String(repeating: "0", count: 32)
            let child = try harness.runner.start(harness.arguments(["--plain", "--no-state", missing]))
            defer { child.stop() }
            let shown = await child.waitForOutput(timeout: .seconds(20)) { $0.contains("\(missing)  NOT FOUND") }
            #expect(shown, "\(child.transcript)")
            #expect(!child.stdout.contains("0/1 sub-jobs"), "\(child.transcript)")
        }
    }

    /// Every documented field of a JSON line is there, `null` when it has no value.
    @Test func jsonLinesHaveEveryFieldWithNulls() async throws {
        try await FaultHarness.with(scenario: .quick, speed: 20) { harness in
            let ids = harness.simulator.topLevelJobIDs
            let result = try await harness.runner.run(harness.arguments(["wait", "--json", "--timeout", "20s"] + ids), timeout: .seconds(30))
            let lines = FaultHarness.jsonLines(result.stdout)
            let top = try #require(lines.first { $0["event"] as? String == "transition" && $0["sub_job_id"] is NSNull }, "\(result)")
            for field in ["schema", "event", "at", "job_id", "profile", "endpoint", "project_id", "label", "sub_job_id", "job_type", "from", "to", "reason"] {
                #expect(top[field] != nil, "\(field) missing\n\(result)")
            }
            #expect(top["label"] is NSNull && top["from"] is NSNull, "\(result)")
            #expect(top["endpoint"] as? String == harness.baseURL.replacingOccurrences(of: "http://", with: ""), "\(result)")
        }
    }

    /// `Retry-After: 99999999` pauses the endpoint for 5 minutes at most, says so, and `wait
    /// --timeout` still ends on time.
    @Test func hugeRetryAfterIsCappedAndSaid() async throws {
        try await FaultHarness.with(scenario: .quick, speed: 1, faults: FaultPlan([.init(.throttle(retryAfter: 99_999_999), .always)])) { harness in
            let id = harness.simulator.topLevelJobIDs[0]
            let started = ContinuousClock.now
            // Long enough for the first 429 to come back on a loaded machine; far under 5 minutes.
            let result = try await harness.runner.run(harness.arguments(["wait", id, "--timeout", "8s"]), timeout: .seconds(30))
            #expect(result.exitCode == 2, "\(result)")
            #expect(ContinuousClock.now - started < .seconds(20), "\(result)")
            let line = try #require(ScreenText.lines(result.stdout).first { $0.contains("throttled (HTTP 429) until") }, "\(result)")
            #expect(line.contains("the server asked for 1157d09h; jobwatch waits at most 5m"), "\(result)")
        }
    }

    /// A server clock an hour ahead: `get`, `wait` and the stream each warn once on stderr.
    @Test func clockSkewIsWarnedInEveryMode() async throws {
        let simulator = JobSimulator(options: SimulatorOptions(scenario: .quick, speed: 1, now: { Date().addingTimeInterval(3600) }))
        let url = try await simulator.start()
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let id = simulator.topLevelJobIDs[0]
        // Each asks the server itself: a wait after the get would start from the get's saved
        // answer (the state database), and read the server only when that is due.
        let common = ["--endpoint", url, "--project-id", "p1", "--interval", "1s", "--no-state"]
        let get = try await runner.run(["get", id] + common)
        let wait = try await runner.run(["wait", id, "--timeout", "8s"] + common)
        for run in [get, wait] {
            let warnings = run.stderrLines.filter { $0.contains("the local clock is") }
            #expect(warnings.count == 1, "\(run)")
            #expect(warnings.first?.contains("behind the server's") == true, "\(run)")
        }
        // The stream runs until its jobs end (half a minute): read its warning, then a few
        // answers more, which must not repeat it.
        let stream = try runner.start(["--plain", id] + common)
        defer { stream.stop() }
        #expect(await stream.waitForOutput(timeout: .seconds(20)) { _ in stream.stderr.contains("the local clock is") }, "\(stream.transcript)")
        let asked = await simulator.requestCount(jobID: id)
        #expect(await eventually(timeout: .seconds(20)) { await simulator.requestCount(jobID: id) >= asked + 2 }, "\(stream.transcript)")
        let warnings = stream.stderr.split(separator: "\n").filter { $0.contains("the local clock is") }
        #expect(warnings.count == 1, "\(stream.transcript)")
        #expect(warnings.first?.contains("behind the server's") == true, "\(stream.transcript)")
        await simulator.stop()
    }

    /// The stream's state file cannot be written: said once on stderr with the path; the stream goes on.
    @Test func unsavableStateFileIsSaidOnce() async throws {
        try await FaultHarness.with(scenario: .quick, speed: 20) { harness in
            let blocker = harness.scratch.file("not-a-folder")
            try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
            let ids = harness.simulator.topLevelJobIDs
            let child = try harness.runner.start(harness.arguments(["--plain", "--state-file", "\(blocker)/state.db"] + ids))
            defer { child.stop() }
            let said = await child.waitForOutput(timeout: .seconds(15)) { _ in child.stderr.contains("state not saved") }
            #expect(said, "\(child.transcript)")
            #expect(await child.waitForOutput(timeout: .seconds(15)) { $0.contains("all 3 jobs finished") }, "the stream goes on\n\(child.transcript)")
            let lines = child.stderr.split(separator: "\n").filter { $0.contains("state not saved") }
            #expect(lines.count == 1, "\(child.transcript)")
            #expect(lines.first?.contains(blocker) == true, "names the path\n\(child.transcript)")
            // Said by the stream's notice only, not again as the database opens.
            #expect(child.stderr.split(separator: "\n").count { $0.contains(blocker) } == 1, "\(child.transcript)")
        }
    }
}
