import Foundation
import Testing

/// `jobwatch state path | export --json | import FILE | prune --older-than D`, run as a user
/// runs them: the real binary on the database a `get` against the simulator filled.
@Suite("jobwatch state end to end")
struct StateCommandEndToEndTests {
    @Test func pathExportImportAndPrune() async throws {
        try await FaultHarness.with(scenario: .rollout, speed: 1) { harness in
            let job = try harness.job(ofType: "baremetalBatchOperate")
            let first = harness.scratch.file("first.db"), second = harness.scratch.file("second.db")

            let path = try await harness.runner.run(["state", "path"])
            #expect(path.exitCode == 0, "\(path)")
            #expect(path.stdout == harness.scratch.file("state") + "/jobwatch/state.db\n", "under XDG_STATE_HOME: \(path)")

            let get = try await harness.runner.run(harness.arguments(["get", job, "--state-file", first]))
            #expect(get.exitCode == 0 || get.exitCode == 1, "\(get)")

            // The answer `get` read, in the state file's version-2 shape.
            let export = try await harness.runner.run(["state", "export", "--json", "--state-file", first])
            #expect(export.exitCode == 0, "\(export)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any], "\(export)")
            #expect(document["version"] as? Int == 2)
            let jobs = document["jobs"] as? [[String: Any]] ?? []
            #expect(jobs.compactMap { $0["jobID"] as? String } == [job], "\(export.stdout)")
            #expect(jobs.first?["job"] != nil, "with its answer")

            // Imported into another database: the same job, its answer kept. (Finished and read
            // long ago, as far as the file says: the prune below has an old answer to drop.)
            let exported = harness.scratch.file("export.json")
            var aged = document
            aged["jobs"] = jobs.map { saved in
                var saved = saved
                var answer = saved["job"] as? [String: Any] ?? [:]
                answer["status"] = "SUCCESS"
                answer["endTime"] = "2026-01-01T00:00:00Z"
                saved["job"] = answer
                saved["readAt"] = "2026-01-01T00:00:00Z"
                return saved
            }
            try JSONSerialization.data(withJSONObject: aged).write(to: URL(fileURLWithPath: exported))
            let imported = try await harness.runner.run(["state", "import", exported, "--state-file", second])
            #expect(imported.exitCode == 0, "\(imported)")
            #expect(imported.stdout.hasPrefix("1 of 1 jobs"), "\(imported)")
            let again = try await harness.runner.run(["state", "export", "--json", "--state-file", second])
            let secondJobs = (try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])?["jobs"] as? [[String: Any]] ?? []
            #expect(secondJobs.compactMap { $0["jobID"] as? String } == [job], "\(again)")

            // `get`'s answer is on no window's watch list: pruned once older than the cutoff.
            let kept = try await harness.runner.run(["state", "prune", "--older-than", "1h", "--state-file", first])
            #expect(kept.exitCode == 0, "\(kept)")
            #expect(kept.stdout.hasPrefix("0 jobs"), "read just now: \(kept)")
            let dropped = try await harness.runner.run(["state", "prune", "--older-than", "1h", "--state-file", second])
            #expect(dropped.exitCode == 0, "\(dropped)")
            #expect(dropped.stdout.hasPrefix("1 jobs"), "\(dropped)")
        }
    }

    @Test func badInputIsOneLineSayingWhatToFix() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let notState = scratch.file("notes.txt")
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: notState))
        let cases: [([String], String)] = [
            (["state", "import", notState], "not a jobwatch state file"),
            (["state", "import", scratch.file("missing.json")], "missing.json"),
            (["state", "prune", "--older-than", "banana"], "is not a duration"),
        ]
        for (arguments, says) in cases {
            let result = try await runner.run(arguments)
            #expect(result.exitCode == 64, "\(arguments): \(result)")
            #expect(result.stderrLines.count == 1 && result.stderr.contains(says), "\(arguments): \(result)")
        }
    }
}
