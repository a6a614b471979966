import Clocks
import Foundation
import JobModel
import JobEngine
import JobSession
import Testing

/// Which service a job belongs to, as the input tells it: `SERVICE/ID`, or the shape of the
/// create response (docs/api/SERVICES.md §7); and input that names no job yet.
@Suite("Services and create responses in job input")
struct JobServiceInputTests {
    static func parse(_ text: String) throws -> JobIDText.Parsed {
        try JobIDText.parse(text, source: "stdin")
    }

    static func items(_ text: String) throws -> [JobReference] {
        try parse(text).items
    }

    // MARK: - SERVICE/ID

    @Test("SERVICE/ID on a line, any case, with an alias and a label")
    func prefixedLines() throws {
        let items = try Self.items("ecs/ff80808288d415d80189901d8eb81cbb web\nCCE/5ec1518c-87db-11ec-b5e5-0255ac101514\neip/ff8080828436722c0184cdb88e9200a5\nplain1\n")
        #expect(items == [
            .init(id: "ff80808288d415d80189901d8eb81cbb", service: .ecs, label: "web"),
            .init(id: "5ec1518c-87db-11ec-b5e5-0255ac101514", service: .cce),
            .init(id: "ff8080828436722c0184cdb88e9200a5", service: .vpc),
            .init(id: "plain1"),
        ])
    }

    @Test("SERVICE/ID as an argument")
    func prefixedArgument() throws {
        #expect(try JobReference(parsing: "IMS/abc") == .init(id: "abc", service: .ims))
        #expect(try JobReference(parsing: "abc") == .init(id: "abc"))
    }

    @Test("an unknown service is one line naming the known ones", arguments: ["foo/123", "/123", "ecs2/123"])
    func unknownService(_ text: String) throws {
        #expect {
            _ = try JobReference(parsing: text)
        } throws: { error in
            let message = "\(error)"
            return message.hasPrefix("unknown service ") && message.contains(" in \(text.debugDescription) — use one of: bms, ecs, evs, ims, vpc, cce")
                && !message.contains("\n")
        }
        #expect {
            _ = try Self.parse("a1\n\(text) label\n")
        } throws: { error in
            "\(error)".hasPrefix("stdin:2: unknown service ")
        }
    }

    @Test("the exact message for foo/123")
    func unknownServiceMessage() {
        #expect {
            _ = try JobReference(parsing: "foo/123")
        } throws: { error in
            "\(error)" == #"unknown service "foo" in "foo/123" — use one of: bms, ecs, evs, ims, vpc, cce, rds, dds, opengauss, taurusdb, geminidb, dcs, elb, sfsturbo, cbr, dms, geip, order"#
        }
    }

    @Test("a service with no ID after it is refused", arguments: ["ecs/", "ecs/ label"])
    func emptyIDAfterPrefix(_ text: String) {
        #expect { _ = try Self.parse(text) } throws: { "\($0)".contains("is empty") }
    }

    // MARK: - Create responses

    @Test("every documented spelling of the job ID, with the service its shape implies", arguments: [
        // ECS CreateServers (yearly/monthly) and CreatePostPaidServers.
        (#"{"job_id": "ff808082739334d80173943ec9b42130", "order_id": "CS2007281506xxxxx", "serverIds": ["fe0528f0", "679854ae"]}"#,
         [JobReference(id: "ff808082739334d80173943ec9b42130", service: .ecs), JobReference(id: "CS2007281506xxxxx", service: .order)]),
        (#"{"job_id": "ff808082739334d80173941567f21d4f", "serverIds": ["118258c5"]}"#, [.init(id: "ff808082739334d80173941567f21d4f", service: .ecs)]),
        // ECS/BMS/EVS/IMS plain: the profile's service.
        (#"{"job_id": "ff80808288d415d80189901d8eb81cbb"}"#, [.init(id: "ff80808288d415d80189901d8eb81cbb")]),
        // IMS register: a leading space.
        (#"{"job_id":" b912fb4a4c464b568ecfca1071b21b10"}"#, [.init(id: "b912fb4a4c464b568ecfca1071b21b10")]),
        // EVS with volume_ids.
        (#"{"job_id": "70a599e0-31e7-49b7-b260-868f441e862b", "volume_ids": ["v1"]}"#, [.init(id: "70a599e0-31e7-49b7-b260-868f441e862b", service: .evs)]),
        // EIP batch delete.
        (#"{"job_ids" : [ "ff8080828436722c0184cdb88e9200a5", "ff8080828436722c0184cdb88e9200a6" ]}"#,
         [.init(id: "ff8080828436722c0184cdb88e9200a5", service: .vpc), .init(id: "ff8080828436722c0184cdb88e9200a6", service: .vpc)]),
        // CCE: create cluster (two places, one ID), remove nodes, node pool, add nodes, resize.
        (#"{"kind":"Cluster","metadata":{"annotations":{"jobid":"bd42f724-87f3-11ec-b5e5-0255ac101514","resourceJobId":"bce99f78-87f3-11ec-b5e5-0255ac101514"}},"status":{"phase":"Creating","jobID":"bd42f724-87f3-11ec-b5e5-0255ac101514"}}"#,
         [.init(id: "bd42f724-87f3-11ec-b5e5-0255ac101514", service: .cce)]),
        (#"{"spec":{"nodes":[]},"status":{"jobID":"2ec9b78d-9368-46f3-8f29-d1a95622a568"}}"#, [.init(id: "2ec9b78d-9368-46f3-8f29-d1a95622a568", service: .cce)]),
        (#"{"kind":"NodePool","status":{"phase":"Deleting","jobId":"np-job-1"}}"#, [.init(id: "np-job-1", service: .cce)]),
        (#"{"jobid" : "2ec9b78d-9368-46f3-8f29-d1a95622a568"}"#, [.init(id: "2ec9b78d-9368-46f3-8f29-d1a95622a568", service: .cce)]),
        (#"{"jobID":"resize-1","orderID":"CS2203011234ABCDE"}"#, [.init(id: "resize-1", service: .cce), .init(id: "CS2203011234ABCDE", service: .order)]),
        // jobId alone implies nothing.
        (#"{"jobId":"j-1"}"#, [.init(id: "j-1")]),
        // Nested somewhere else.
        (#"{"serverIds": ["x"], "result": {"job_id": "c3"}}"#, [.init(id: "c3")]),
    ] as [(String, [JobReference])])
    func createResponses(_ body: String, _ expected: [JobReference]) throws {
        let parsed = try Self.parse(body)
        #expect(parsed.items == expected)
        #expect(parsed.notices.isEmpty)
        // The same, pretty-printed over several lines.
        let pretty = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(body.utf8)), options: .prettyPrinted)
        #expect(try Self.items(String(decoding: pretty, as: UTF8.self)) == expected)
    }

    @Test("one response per line, an array of them, and IDs between")
    func severalResponses() throws {
        let lines = """
            {"job_id": "a1", "serverIds": ["s"]}
            {"status": {"jobID": "c1"}}
            b1 plain label
            evs/{"job_id": "e1"}
            """
        #expect(try Self.items(lines) == [
            .init(id: "a1", service: .ecs), .init(id: "c1", service: .cce), .init(id: "b1", label: "plain label"), .init(id: "e1", service: .evs),
        ])
        #expect(try Self.items(#"[{"job_id": "a1"}, {"jobid": "c1"}, {"job_ids": ["v1"]}]"#) == [
            .init(id: "a1"), .init(id: "c1", service: .cce), .init(id: "v1", service: .vpc),
        ])
    }

    @Test("an explicit SERVICE/ before a response wins over its shape")
    func prefixWins() throws {
        #expect(try Self.items(#"ims/{"job_id": "a1", "serverIds": ["s"]}"#) == [.init(id: "a1", service: .ims)])
        #expect(try Self.items(#"bms/{"status": {"jobID": "c1"}}"#) == [.init(id: "c1", service: .bms)])
    }

    // MARK: - Orders (yearly/monthly creates)

    @Test("an order is watched as order/ID, beside the jobs of the same input", arguments: [
        #"{"order_id": "CS2007281506xxxxx"}"#, #"{"orderID": "CS2007281506xxxxx"}"#, #"{"orderId": "CS2007281506xxxxx"}"#,
    ])
    func orderOnly(_ order: String) throws {
        let alone = try Self.parse(order)
        #expect(alone.items == [JobReference(id: "CS2007281506xxxxx", service: .order)])
        #expect(alone.notices.isEmpty)

        let mixed = try Self.parse("\(order)\n{\"job_id\": \"a1\"}\nb2\n")
        #expect(mixed.items.map(\.text) == ["order/CS2007281506xxxxx", "a1", "b2"])

        let array = try Self.parse("[\(order), {\"job_id\": \"a1\"}]")
        #expect(array.items.map(\.text) == ["order/CS2007281506xxxxx", "a1"])
    }

    /// CBR's vault create (FAMILIES.md §8.1): `orders[*].orderId`, found inside.
    @Test func ordersInsideAnAnswer() throws {
        let parsed = try Self.parse(#"{"orders": [{"orderId": "CS26120700001"}, {"orderId": "CS26120700002"}]}"#)
        #expect(parsed.items.map(\.text) == ["order/CS26120700001", "order/CS26120700002"])
    }

    @Test("an order number that cannot be one is refused, escaped, with its place")
    func orderEscaped() throws {
        #expect { _ = try Self.parse(#"{"order_id": "CS1\u001b[2J x"}"#) } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("stdin") && !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
        }
    }

    @Test("JSON naming no job and no order is still an error")
    func nothingAtAll() {
        #expect { _ = try Self.parse(#"{"response": [{"id": "s1"}]}"#) } throws: { "\($0)".contains(#"without any "job_id""#) }
        #expect { _ = try Self.parse(#"{"order_id": ""}"#) } throws: { "\($0)".hasPrefix("stdin") }
    }

    // MARK: - Jobs file

    @Test("a followed jobs file reads SERVICE/ID, responses and orders")
    func jobsFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jobs-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = """
            ecs/a1 web
            {"order_id": "CS2007281506xxxxx"}
            {"status": {"jobID": "c1"}}
            foo/b2

            """
        #expect(FileManager.default.createFile(atPath: path, contents: Data(lines.utf8)))
        let stream = try JobsFileFollower(path: path).updates(clock: EngineClock(TestClock<Duration>()))
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next() == .jobs([.init(id: "a1", service: .ecs, label: "web"), .init(id: "CS2007281506xxxxx", service: .order), .init(id: "c1", service: .cce)]))
        let problem = await iterator.next()
        guard case .problem(let text)? = problem else {
            Issue.record("expected a problem, got \(String(describing: problem))")
            return
        }
        #expect(text.hasPrefix("\(path):4: unknown service \"foo\""))
    }
}
