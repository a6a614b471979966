import Foundation
import JobModel
import JobAPI
import JobSimulator
import Testing

/// The built binary against an in-process simulator that answers badly on purpose: whatever
/// the server does, jobwatch must not crash, must not hang, must keep the last good state
/// (marked stale, with the error) and must never ask again for a job that is finished.
///
/// The simulator runs in the test process so the test can count requests per job and switch
/// faults on in the middle of a run.
@Suite("Faults end to end", .timeLimit(.minutes(2)))
struct FaultsEndToEndTests {
    /// A fault switched on after the first good answer, with the error category it must produce.
    struct MidRunFault: CustomTestStringConvertible, Sendable {
        var name: String
        var fault: FaultPlan.Fault
        /// Text the error's message must contain (what a person reads).
        var message: String
        /// Whether the fault is seen as a timeout, so the test needs a short one.
        var timesOut = false
        var testDescription: String { name }
    }

    static let midRunFaults: [MidRunFault] = [
        MidRunFault(name: "502 with an HTML page", fault: .serverError(status: 502), message: "502 Bad Gateway"),
        MidRunFault(name: "503 with an HTML page", fault: .serverError(status: 503), message: "503 Service"),
        // A drop is seen as the stream ending, or (when the close is not noticed) as a timeout.
        MidRunFault(name: "connection dropped mid-body", fault: .drop, message: "before the answer was complete|timed out", timesOut: true),
        MidRunFault(name: "slower than the request timeout", fault: .slow(.seconds(4)), message: "timed out", timesOut: true),
        MidRunFault(name: "truncated JSON", fault: .truncated, message: "not JSON"),
        MidRunFault(name: "200 with an HTML page", fault: .html, message: "not JSON"),
        MidRunFault(name: "9 MiB body", fault: .huge, message: "MiB limit"),
    ]

    @Test(arguments: midRunFaults)
    func lastGoodStateIsKeptAndMarkedStale(_ fault: MidRunFault) async throws {
        let config = fault.timesOut ? FaultHarness.shortTimeoutConfig : FaultHarness.config
        try await FaultHarness.with(scenario: .rollout, speed: 1, config: config) { harness in
            // RUNNING from the start and early in its run, so the engine asks it every few
            // seconds (the stuck reinstall, 30 minutes late, is asked every 3 minutes).
            let image = try harness.job(ofType: "imsCreateImageByInstance")
            let started = ContinuousClock.now
            // 30 s: on a loaded machine the first answer alone has taken over 10 s (a first
            // request timed out, then its backoff), which left too short a wait for a faulted read.
            let child = try harness.runner.start(harness.arguments(["wait", "ims/\(image)", "--json", "--timeout", "30s"]))
            defer { child.stop() }
            // The first answer is read (its transition is printed) before the faults start: a
            // request only counted by the simulator may still be on its way on a loaded machine.
            #expect(await child.waitForOutput(timeout: .seconds(20)) { $0.contains("\"event\":\"transition\"") }, "\(child.transcript)")
            harness.simulator.setFaults(FaultPlan([.init(fault.fault, .always)]))

            let termination = await child.waitForExit(timeout: .seconds(45))
            let took = ContinuousClock.now - started
            #expect(termination == .exited(2), "wait must time out with exit 2\n\(child.transcript)")
            #expect(took < .seconds(40), "wait --timeout 30s took \(took)")

            let summary = try FaultHarness.summary(child.stdout)
            let job = try #require(summary.jobs.first, "\(child.transcript)")
            #expect(job["health"] as? String == "stale", "\(child.transcript)")
            #expect((job["job"] as? [String: Any])?["status"] as? String == "RUNNING", "the last good state is kept\n\(child.transcript)")
            let error = try #require(job["error"] as? [String: Any], "the error is shown\n\(child.transcript)")
            #expect(error["category"] as? String == "transient", "\(error)")
            let message = error["message"] as? String ?? ""
            #expect(fault.message.split(separator: "|").contains { message.contains($0) }, "\(error)")
            #expect(child.stderr.isEmpty || !child.stderr.contains("Fatal error"), "\(child.transcript)")
            let asked = await harness.simulator.requestCount(jobID: image)
            #expect(asked >= 2, "the job was asked again after the fault began")
            #expect(asked <= 30, "backoff: \(asked) requests in 30 s at a 1 s interval")
        }
    }

    /// A `Retry-After` too large for a `Duration` (10^10 s) once crashed the engine (found while
    /// writing the fuzz target): now it is believed for an hour at most, and `wait` still ends.
    @Test func enormousRetryAfterNeitherCrashesNorHangs() async throws {
        // Patient: the first answer once took over 3 s on the loaded machine, and the timed-out
        // request was asked again (a second request, and no 429 to read).
        try await FaultHarness.with(scenario: .rollout, speed: 1, faults: FaultPlan([.init(.throttle(retryAfter: 10_000_000_000), .always)])) { harness in
            let stuck = try harness.job(ofType: "baremetalReinstallOs")
            let result = try await harness.runner.run(harness.arguments(["wait", stuck, "--json", "--timeout", "8s"]), timeout: .seconds(30))
            #expect(result.termination == .exited(2), "\(result)")
            let summary = try FaultHarness.summary(result.stdout)
            let error = try #require(summary.jobs.first?["error"] as? [String: Any], "\(result)")
            #expect(error["http_status"] as? Int == 429, "\(error)")
            let asked = await harness.simulator.requestCount(jobID: stuck)
            #expect(asked == 1, "the endpoint is left alone while throttled: \(asked) requests\n\(result)")
        }
    }

    /// 429 every other request, with a short Retry-After: every job still ends with its real
    /// outcome, in bounded time.
    @Test func throttlingBurstsSlowDownButFinish() async throws {
        try await FaultHarness.with(scenario: .quick, speed: 10, faults: FaultPlan([.init(.throttle(retryAfter: 1), .every(2))])) { harness in
            let ids = harness.simulator.topLevelJobIDs
            let started = ContinuousClock.now
            let result = try await harness.runner.run(harness.arguments(["wait"] + ids + ["--json", "--timeout", "40s"]), timeout: .seconds(50))
            #expect(result.termination == .exited(1), "the quick scenario's create fails: exit 1\n\(result)")
            #expect(ContinuousClock.now - started < .seconds(40))
            let summary = try FaultHarness.summary(result.stdout)
            let statuses = summary.jobs.compactMap { ($0["job"] as? [String: Any])?["status"] as? String }.sorted()
            #expect(statuses == ["FAIL", "SUCCESS", "SUCCESS"], "\(result)")
            #expect(summary.exitCode == 1)
        }
    }

    /// The rollout's undocumented status is shown verbatim, is not finished, and keeps being asked.
    @Test func undocumentedStatusIsShownVerbatimAndNotFinished() async throws {
        try await FaultHarness.with(scenario: .rollout, speed: 20) { harness in
            let odd = try harness.job(ofType: "baremetalChangeOsLocalDisk")
            // 95 scenario seconds until ROLLBACKING: under 5 s at speed 20; an unchanged running
            // job is asked less often as it goes on (PollPace), so allow a few polls more.
            let result = try await harness.runner.run(harness.arguments(["wait", odd, "--json", "--timeout", "14s"]), timeout: .seconds(30))
            #expect(result.termination == .exited(2), "\(result)")
            let summary = try FaultHarness.summary(result.stdout)
            let job = try #require(summary.jobs.first?["job"] as? [String: Any], "\(result)")
            #expect(job["status"] as? String == "ROLLBACKING", "\(result)")
            #expect(job["finished"] as? Bool == false)
            let transitions = FaultHarness.jsonLines(result.stdout).filter { $0["event"] as? String == "transition" }
            #expect(transitions.contains { $0["to"] as? String == "ROLLBACKING" }, "\(result)")
        }
    }

    /// `--plain` never exits: once every job is SUCCESS or FAIL (through 503s on the way), the
    /// simulator sees no further request for any of them.
    @Test func nothingIsAskedAfterAJobIsFinished() async throws {
        try await FaultHarness.with(scenario: .quick, speed: 10, faults: FaultPlan([.init(.serverError(status: 503), .every(3))])) { harness in
            let ids = harness.simulator.topLevelJobIDs
            let child = try harness.runner.start(harness.arguments(["--plain", "--json", "--no-state"] + ids))
            defer { child.stop() }
            let allFinished = await child.waitForOutput(timeout: .seconds(30)) { output in
                let finished = FaultHarness.jsonLines(output).filter {
                    $0["event"] as? String == "transition" && $0["sub_job_id"] is NSNull
                        && ["SUCCESS", "FAIL"].contains($0["to"] as? String ?? "")
                }
                return Set(finished.compactMap { $0["job_id"] as? String }).count == ids.count
            }
            #expect(allFinished, "\(child.transcript)")
            // An answer already on its way may still land; after that, silence.
            try await Task.sleep(for: .milliseconds(500))
            var before: [Int] = []
            for id in ids { before.append(await harness.simulator.requestCount(jobID: id)) }
            try await Task.sleep(for: .seconds(3))  // three intervals of 1 s
            var after: [Int] = []
            for id in ids { after.append(await harness.simulator.requestCount(jobID: id)) }
            #expect(before == after, "requests after the end: \(before) → \(after)")
            #expect(child.isRunning, "--plain keeps running\n\(child.transcript)")
            child.send(SIGTERM)
            let termination = await child.waitForExit(timeout: .seconds(10))
            #expect(termination != nil, "SIGTERM ends --plain\n\(child.transcript)")
        }
    }

    /// `huge` is a fault the `--fault` flag knows, and a client refuses its body at 8 MiB.
    @Test func hugeBodiesAreRefusedByTheClient() async throws {
        let rule = try FaultPlan.Rule(parsing: "huge:always")
        #expect(rule == FaultPlan.Rule(.huge, .always))
        try await FaultHarness.with(scenario: .quick, speed: 1, faults: FaultPlan([rule])) { harness in
            let id = harness.simulator.topLevelJobIDs[0]
            let client = JobClient()
            let endpoint = try Endpoint(parsing: harness.baseURL)
            let outcome: Result<FetchedJob, APIError>
            do throws(APIError) {
                outcome = .success(try await client.fetch(JobTarget(endpoint: endpoint, projectID: "p1", jobID: id), credential: .none))
            } catch {
                outcome = .failure(error)
            }
            await client.shutdown()
            guard case .failure(let error) = outcome else {
                Issue.record("a 9 MiB body was accepted")
                return
            }
            #expect(error.kind == .bodyTooLarge, "\(error)")
            #expect(error.category == .transient)
        }
    }
}

// MARK: - Harness

/// An in-process simulator, a scratch folder with a config of short timeouts, and the binary.
struct FaultHarness {
    let simulator: JobSimulator
    let baseURL: String
    let scratch: Scratch
    let runner: BinaryRunner
    let configPath: String

    /// A short interval, a generous budget and a request timeout a loaded machine (the whole
    /// suite in parallel) cannot reach: the default, for tests of what a server says. A 3 s
    /// timeout turned a slow answer into "timed out" in one CI run after another.
    static let config = """
        {"poll": {"interval": "1s", "requests_per_minute": 600, "request_timeout": "15s",
                  "connect_timeout": "5s", "heartbeat": "1h"}}
        """

    /// The same with a 3 s request timeout: only for tests of a timeout itself (an answer
    /// slower than it, a close that is not noticed).
    static let shortTimeoutConfig = """
        {"poll": {"interval": "1s", "requests_per_minute": 600, "request_timeout": "3s",
                  "connect_timeout": "2s", "heartbeat": "1h"}}
        """

    static func with(
        scenario: Scenario.Name, speed: Double, faults: FaultPlan = .none, config: String = FaultHarness.config,
        _ body: (FaultHarness) async throws -> Void
    ) async throws {
        try await with(options: SimulatorOptions(scenario: scenario, speed: speed, faults: faults), config: config, body)
    }

    /// The simulator of `options` started, the config written; both gone after `body`.
    static func with<T>(options: SimulatorOptions, config: String, _ body: (FaultHarness) async throws -> T) async throws -> T {
        let simulator = JobSimulator(options: options)
        let baseURL = try await simulator.start()
        let scratch = try Scratch()
        let result: Result<T, any Error>
        do {
            let configPath = scratch.file("config.json")
            try Data(config.utf8).write(to: URL(fileURLWithPath: configPath))
            let harness = FaultHarness(
                simulator: simulator, baseURL: baseURL, scratch: scratch,
                runner: try BinaryRunner(scratch: scratch), configPath: configPath
            )
            result = .success(try await body(harness))
        } catch {
            result = .failure(error)
        }
        await simulator.stop()
        scratch.remove()
        return try result.get()
    }

    func arguments(_ command: [String]) -> [String] {
        command + ["--endpoint", baseURL, "--project-id", "p1", "--config", configPath]
    }

    func job(ofType type: String) throws -> String {
        guard let job = simulator.topLevelJobs.first(where: { $0.type == type }) else {
            throw FaultHarnessProblem(description: "the scenario has no \(type) job")
        }
        return job.id
    }

    struct Summary {
        var exitCode: Int?
        var jobs: [[String: Any]]
    }

    /// The `"event":"summary"` line of `wait --json`.
    static func summary(_ stdout: String) throws -> Summary {
        guard let line = jsonLines(stdout).last(where: { $0["event"] as? String == "summary" }) else {
            throw FaultHarnessProblem(description: "no summary line in:\n\(stdout)")
        }
        return Summary(exitCode: line["exit_code"] as? Int, jobs: line["jobs"] as? [[String: Any]] ?? [])
    }

    static func jsonLines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }
}

struct FaultHarnessProblem: Error, CustomStringConvertible {
    var description: String
}
