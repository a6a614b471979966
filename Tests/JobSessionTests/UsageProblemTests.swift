import Foundation
import JobModel
import JobAPI
import JobSession
import Testing

/// Errors that are the user's to fix conform to `UsageProblem` (exit 64, one line), whatever
/// layer throws them: no layer turns another's error into a string to be classified.
@Suite("Usage problems")
struct UsageProblemTests {
    static func caught(_ body: () throws -> Void) -> (any Error)? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    @Test("a bad config's error")
    func configError() throws {
        let error = try #require(Self.caught { _ = try JobwatchConfig.parse(Data(#"{"poll": {"interval": "soon"}}"#.utf8), fileName: "c.json") })
        #expect(error is ConfigError)
        #expect(error is any UsageProblem)
        #expect((error as? any UsageProblem)?.description.hasPrefix("c.json: poll.interval: expected a duration") == true)
    }

    @Test("a bad job reference, and a bad line of standard input")
    func referenceProblem() throws {
        let argument = try #require(Self.caught { _ = try JobReference(parsing: "nope/1") })
        #expect(argument is JobReference.Problem)
        #expect(argument is any UsageProblem)
        let line = try #require(Self.caught { _ = try JobIDText.parse("ok\n{not json", source: "stdin") })
        #expect(line is any UsageProblem)
        #expect("\(line)".hasPrefix("stdin:2: not valid JSON"))
    }

    @Test("the session's own refusals, the endpoint's and the credentials'")
    func otherLayers() throws {
        #expect(Self.caught { _ = try Endpoint(parsing: "not a url") } is any UsageProblem)
        #expect(Self.caught { _ = try CredentialResolver.resolve(environment: ["HUAWEICLOUD_SDK_SK": "fake"], file: nil) } is any UsageProblem)
        #expect(Self.caught { _ = try ProxyServer(parsing: "ftp://127.0.0.1:21", origin: "--proxy") } is any UsageProblem)
        #expect(Self.caught { try Session.checkWritable(NSTemporaryDirectory(), option: "--log-file") } is any UsageProblem)
    }

    @Test("a usage error has one ' — ': a hint is added only when the text has no fix of its own")
    func usageErrorHint() {
        #expect(UsageError("bad thing", hint: "do this").description == "bad thing — do this")
        #expect(UsageError("bad thing — do that", hint: "do this").description == "bad thing — do that")
        #expect(UsageError("plain").description == "plain")
    }
}
