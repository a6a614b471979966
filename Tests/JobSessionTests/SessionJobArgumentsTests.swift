import Foundation
import JobModel
import JobAPI
import JobEngine
import JobSession
import Testing

/// Job IDs from the command line: `ID`, `SERVICE/ID`, and `-` for standard input (lines, or
/// the cloud's creation response, whose notices the session keeps for the command to print).
@Suite("Session.make: job arguments and standard input")
struct SessionJobArgumentsTests {
    static let config = #"""
        {"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "project_id": "\#(SessionScratch.projectID)", "auth": "none"}}}
        """#

    @Test("ID and SERVICE/ID arguments, any case, aliases to their service, in order")
    func arguments() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let session = try await scratch.session(config: Self.config, arguments: ["a1", "ecs/b2", "EIP/c3", "Cce/d4"])
        #expect(session.entries == [
            WatchEntry(profile: "p", jobID: "a1"),
            WatchEntry(profile: "p", jobID: "b2", service: .ecs),
            WatchEntry(profile: "p", jobID: "c3", service: .vpc),
            WatchEntry(profile: "p", jobID: "d4", service: .cce),
        ])
        #expect(session.notices.isEmpty)
    }

    @Test("standard input is read only for -")
    func standardInputOnlyForDash() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        var reads = 0
        var flags = SessionFlags()
        flags.config = try scratch.config(Self.config)
        _ = try await Session.make(
            flags: flags, jobArguments: ["a1"], environment: scratch.environment(), includeConfiguredJobs: false,
            purpose: .wait, standardInput: { reads += 1; return Data("never\n".utf8) }
        )
        #expect(reads == 0)
        let session = try await Session.make(
            flags: flags, jobArguments: ["a1", "-"], environment: scratch.environment(), includeConfiguredJobs: false,
            purpose: .wait, standardInput: { reads += 1; return Data("s1\n".utf8) }
        )
        #expect(reads == 1)
        #expect(session.entries.map(\.jobID) == ["a1", "s1"])
    }

    @Test("- reads lines: comments and blanks skipped, labels after a space or tab, SERVICE/ prefixes")
    func standardInputLines() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let stdin = "# jobs from the script\n\ns1 web tier\necs/s2\tdb\n  IMS/s3  \n"
        let session = try await scratch.session(config: Self.config, arguments: ["-", "a1"], stdin: stdin)
        #expect(session.entries == [
            WatchEntry(profile: "p", jobID: "s1", label: "web tier"),
            WatchEntry(profile: "p", jobID: "s2", service: .ecs, label: "db"),
            WatchEntry(profile: "p", jobID: "s3", service: .ims),
            WatchEntry(profile: "p", jobID: "a1"),
        ])
    }

    @Test("- reads the creation response: ECS's shape gives the service")
    func standardInputCreationResponse() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let stdin = #"{"job_id": "ff808082739334d80173941567f21d4f", "serverIds": ["118258c5"]}"#
        let session = try await scratch.session(config: Self.config, arguments: ["-"], stdin: stdin)
        #expect(session.entries == [WatchEntry(profile: "p", jobID: "ff808082739334d80173941567f21d4f", service: .ecs)])
        #expect(session.notices.isEmpty)
    }

    @Test("an order from a yearly/monthly create is watched as order/ID")
    func orderAwaitingPayment() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let session = try await scratch.session(config: Self.config, arguments: ["a1", "-"], stdin: #"{"order_id": "CS2007281506ABCDE"}"#)
        #expect(session.entries == [WatchEntry(profile: "p", jobID: "a1"), WatchEntry(profile: "p", jobID: "CS2007281506ABCDE", service: .order)])
        #expect(session.notices.isEmpty)
    }

    @Test("orders and jobs from JSON lines on standard input are all kept, in order")
    func ordersFromLines() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let stdin = """
            {"orderID": "order-one"}
            {"job_id": "j1"}
            """
        let session = try await scratch.session(config: Self.config, arguments: ["-"], stdin: stdin)
        #expect(session.entries.map(\.jobID) == ["order-one", "j1"])
        #expect(session.entries.first?.service == .order)
    }

    @Test("a bad argument is the reference's problem, the user's to fix")
    func badArgument() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let error = await thrownError { _ = try await scratch.session(config: Self.config, arguments: ["a1", "foo/123"]) }
        let problem = try #require(error as? JobReference.Problem)
        #expect(problem.description == #"unknown service "foo" in "foo/123" — use one of: bms, ecs, evs, ims, vpc, cce, rds, dds, opengauss, taurusdb, geminidb, dcs, elb, sfsturbo, cbr, dms, geip, order"#)
        #expect(error is any UsageProblem)
    }

    @Test("a bad line on standard input names stdin and its line")
    func badStandardInputLine() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let error = await thrownError { _ = try await scratch.session(config: Self.config, arguments: ["-"], stdin: "ok1\necs/ label\n") }
        let problem = try #require(error as? JobReference.Problem)
        #expect(problem.description == #"stdin:2: job ID "" is empty — write SERVICE/JOB_ID with no space after the /"#)
    }

    @Test("JSON on standard input that names no job and no order is refused")
    func jsonWithoutJob() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let error = await thrownError { _ = try await scratch.session(config: Self.config, arguments: ["-"], stdin: #"{"error_code": "Ecs.0001"}"#) }
        let problem = try #require(error as? JobReference.Problem)
        #expect(problem.description.hasPrefix(#"stdin: JSON without any "job_id""#))
    }
}
