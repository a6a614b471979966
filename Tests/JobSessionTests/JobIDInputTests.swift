import Clocks
import Foundation
import JobModel
import JobEngine
import JobSession
import Testing

@Suite("Job IDs from text, stdin and a followed jobs file")
struct JobIDInputTests {
    @Test("lines with labels, comments and blank lines")
    func lines() throws {
        let items = try JobIDText.parse("# rollout\n2c9eb2c5544cbf6101544f0602af2b4f web tier\n\nff80808288d41e1b018a8ec1c6c30f2d\r\n", source: "stdin").items
        #expect(items == [.init(id: "2c9eb2c5544cbf6101544f0602af2b4f", label: "web tier"), .init(id: "ff80808288d41e1b018a8ec1c6c30f2d")])
    }

    @Test("the JSON the cloud returns when a job is created: one, a list, or one per line")
    func cloudJSON() throws {
        #expect(try JobIDText.parse(#"{"job_id": "aaaa1111"}"#, source: "stdin").items.map(\.id) == ["aaaa1111"])
        #expect(try JobIDText.parse(#"[{"job_id": "a1"}, {"job_id": "b2"}]"#, source: "stdin").items.map(\.id) == ["a1", "b2"])
        #expect(try JobIDText.parse("{\"job_id\": \"a1\"}\n{\"job_id\": \"b2\"}\n", source: "stdin").items.map(\.id) == ["a1", "b2"])
        #expect(try JobIDText.parse(#"{"serverIds": ["x"], "result": {"job_id": "c3"}}"#, source: "stdin").items.map(\.id) == ["c3"])
    }

    @Test("bad IDs are refused with one line naming the value", arguments: [
        ("bad\u{7}id", "control characters"),
        (String(repeating: "a", count: 129), "longer than 128 bytes"),
        (#"{"job_id": ""}"#, "is empty"),
        (#"{"other": 1}"#, "without any \"job_id\""),
    ])
    func badIDs(input: String, expected: String) {
        #expect {
            _ = try JobIDText.parse(input, source: "stdin")
        } throws: { error in
            let text = "\(error)"
            return text.contains(expected) && text.hasPrefix("stdin") && !text.contains("\n")
        }
    }

    @Test("a followed jobs file yields appended complete lines only, and survives truncation")
    func followsAppends() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jobs-\(UUID().uuidString).txt").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("a1\n".utf8)))
        let testClock = TestClock<Duration>()
        let follower = JobsFileFollower(path: path, pollEvery: .seconds(1))
        let stream = try follower.updates(clock: EngineClock(testClock))
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next() == .jobs([.init(id: "a1")]))

        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("b2 db tier\nc3".utf8))  // c3 not complete yet
        await testClock.advance(by: .seconds(1))
        #expect(await iterator.next() == .jobs([.init(id: "b2", label: "db tier")]))
        try handle.write(contentsOf: Data("\nbad\u{1}id\n".utf8))
        await testClock.advance(by: .seconds(1))
        #expect(await iterator.next() == .jobs([.init(id: "c3")]))
        let problem = await iterator.next()
        guard case .problem(let text)? = problem else {
            Issue.record("expected a problem, got \(String(describing: problem))")
            return
        }
        #expect(text.contains(":4:") && text.contains("control characters"))
        try handle.close()
    }

    @Test("a missing jobs file is an error at start")
    func missingFile() {
        #expect(throws: JobReference.Problem.self) {
            _ = try JobsFileFollower(path: "/nonexistent/jobs.txt").updates(clock: .continuous)
        }
    }
}
