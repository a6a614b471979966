import Foundation
import Testing

/// `get` and `wait` against the demo simulator: what scripts branch on (the README's exit codes).
@Suite struct ExitCodeTests {
    @Test func getPrintsTheTreeAndExitsZero() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let result = try await BinaryRunner(scratch: scratch).run(["get", "--demo", "--timeout", "30s"], timeout: .seconds(45))
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("create servers"), "\(result)")
        #expect(result.stdout.contains("power servers"), "\(result)")
        // The batch's sub-jobs hang under it, with the failed one's reason.
        #expect(result.stdout.contains("├─ ▶ create server "), "\(result)")
        #expect(result.stdout.contains("reason: Quota exceeded"), "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
    }

    @Test func getJSONIsOneDocumentOfSchemaOne() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let result = try await BinaryRunner(scratch: scratch).run(["get", "--demo", "--json", "--timeout", "30s"], timeout: .seconds(45))
        #expect(result.exitCode == 0, "\(result)")
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(document?["schema"] as? Int == 1, "\(result)")
        let jobs = try #require(document?["jobs"] as? [[String: Any]], "\(result)")
        #expect(jobs.count == 16, "the rollout's 6 bare-metal jobs, 6 of other services and 4 of the new families\n\(result)")
        let types = jobs.compactMap { ($0["job"] as? [String: Any])?["job_type"] as? String }
        #expect(types.contains("baremetalBatchCreate"), "\(result)")
        // Every documented field is there, null when it has no value.
        let first = try #require(jobs.first)
        #expect(first["error"] is NSNull && first["label"] is NSNull, "\(result)")
        let body = try #require(first["job"] as? [String: Any])
        for field in ["job_id", "job_type", "begin_time", "end_time", "duration_seconds", "error_code", "fail_reason", "reason"] {
            #expect(body[field] != nil, "\(field) missing\n\(result)")
        }
    }

    /// Every poll mode follows the quick scenario to its end (the failure's exit code), through
    /// the flag and through the config's `poll.mode`.
    @Test(arguments: ["frugal", "balanced", "prompt"])
    func everyPollModeSeesTheQuickScenarioToItsEnd(_ mode: String) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let config = scratch.file("config.json")
        try Data(#"{"poll":{"mode":"\#(mode)"}}"#.utf8).write(to: URL(fileURLWithPath: config))
        let runner = try BinaryRunner(scratch: scratch)
        let byFlag = try await runner.run(["wait", "--demo", "--scenario", "quick", "--speed", "20", "--interval", "1s", "--poll-mode", mode], timeout: .seconds(40))
        #expect(byFlag.exitCode == 1, "\(byFlag)")
        let byConfig = try await runner.run(["wait", "--demo", "--scenario", "quick", "--speed", "20", "--interval", "1s", "--config", config], timeout: .seconds(40))
        #expect(byConfig.exitCode == 1, "\(byConfig)")
        #expect(byConfig.stdout.contains("FAIL"), "\(byConfig)")
    }

    /// The quick scenario: a create batch with one failing sub-job, a power batch and an
    /// attach that succeed. Each transition once, in order, then the summary.
    @Test func waitOnTheQuickScenarioExitsOneWithEachTransitionOnce() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let result = try await BinaryRunner(scratch: scratch)
            .run(["wait", "--demo", "--scenario", "quick", "--speed", "20", "--interval", "1s"], timeout: .seconds(40))
        #expect(result.exitCode == 1, "\(result)")

        let lines = ScreenText.lines(result.stdout)
        let transitions = lines.compactMap(TransitionLine.init)
        #expect(transitions.count >= 4, "\(result)")
        #expect(Set(lines).count == lines.count, "a line printed twice\n\(result)")
        #expect(transitions.map(\.time) == transitions.map(\.time).sorted(), "\(result)")
        // Per job, each transition starts where the previous one ended: none lost, none
        // repeated. A job's first line is "seen → …"; a sub-job is announced only when it
        // changes (or first shows up finished), so its first line may start anywhere.
        var lastStatus: [String: String] = [:]
        for transition in transitions {
            if let previous = lastStatus[transition.subject] {
                #expect(transition.from == previous, "\(transition.subject): \(transition.from) after \(previous)\n\(result)")
            } else if !transition.isSubJob {
                #expect(transition.from == "seen", "\(transition.subject) first seen as \(transition.from)\n\(result)")
            }
            lastStatus[transition.subject] = transition.to
        }
        let finals = Dictionary(transitions.map { ($0.jobType, lastStatus[$0.subject] ?? "") }, uniquingKeysWith: { first, _ in first })
        #expect(finals["baremetalBatchCreate"] == "FAIL", "\(result)")
        #expect(finals["baremetalBatchOperate"] == "SUCCESS", "\(result)")
        #expect(finals["baremetalAttachVolume"] == "SUCCESS", "\(result)")
        #expect(transitions.contains { $0.jobType == "baremetalSingleCreate" && $0.to == "FAIL" && $0.rest.contains("Quota exceeded") }, "\(result)")

        let summaryIndex = try #require(lines.firstIndex(of: "3 jobs: 2 succeeded, 1 failed"), "\(result)")
        #expect(lines.prefix(summaryIndex).allSatisfy { TransitionLine($0) != nil }, "\(result)")
        #expect(lines[summaryIndex + 1].hasPrefix("  FAIL baremetalBatchCreate "), "\(result)")
    }

    @Test func waitPastItsTimeoutExitsTwo() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let started = ContinuousClock.now
        let result = try await BinaryRunner(scratch: scratch).run(["wait", "--demo", "--timeout", "2s"])
        #expect(result.exitCode == 2, "\(result)")
        #expect(ContinuousClock.now - started < .seconds(25), "\(result)")
        let summary = try #require(ScreenText.lines(result.stdout).first { $0.hasPrefix("16 jobs:") }, "\(result)")
        #expect(summary.hasSuffix("— timed out"), "\(result)")
    }
}

/// `2026-05-01T08:09:10Z  baremetalSingleCreate 627b…5934 (in e325…ed7b)  RUNNING → FAIL  reason`
struct TransitionLine {
    var time: String
    var jobType: String
    /// The job or sub-job, as printed (type, short ID and parent), without its resource's
    /// name: a name is added once a lookup answers, which may be mid-stream.
    var subject: String
    var from: String
    var to: String
    var rest: String

    var isSubJob: Bool { subject.contains(" (in ") }

    init?(_ line: Substring) {
        let parts = line.components(separatedBy: "  ")
        guard parts.count >= 3, parts[0].hasSuffix("Z"), parts[0].count == 20 else { return nil }
        let change = parts[2].components(separatedBy: " → ")
        guard change.count == 2 else { return nil }
        time = parts[0]
        if let open = parts[1].range(of: " [", options: .backwards), parts[1].hasSuffix("]") {
            subject = String(parts[1][..<open.lowerBound])
        } else {
            subject = parts[1]
        }
        jobType = String(parts[1].prefix { $0 != " " })
        from = change[0]
        to = change[1]
        rest = parts.dropFirst(3).joined(separator: "  ")
    }
}
