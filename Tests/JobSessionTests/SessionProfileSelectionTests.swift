import Foundation
import JobModel
import JobAPI
import JobEngine
import JobSession
import Testing

/// Which profile a session reads through: `--profile`, else the config's `default_profile`,
/// else its only profile, else `default`.
@Suite("Session.make: the selected profile")
struct SessionProfileSelectionTests {
    static let project = SessionScratch.projectID

    static func profile(_ port: Int) -> String {
        #"{"endpoint": "http://127.0.0.1:\#(port)", "project_id": "\#(project)", "auth": "none"}"#
    }

    static let twoWithDefault = #"{"default_profile": "b", "profiles": {"a": \#(profile(18001)), "b": \#(profile(18002))}}"#
    static let twoWithoutDefault = #"{"profiles": {"a": \#(profile(18001)), "b": \#(profile(18002))}}"#

    @Test("--profile wins over default_profile")
    func flagWins() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let session = try await scratch.session(config: Self.twoWithDefault, flags: .with { $0.profile = "a" }, arguments: ["j1"])
        #expect(session.defaultProfile == "a")
        #expect(session.profiles.map(\.name) == ["a"])
        #expect(session.profile("a")?.endpoint.port == 18001)
        #expect(session.entries.map(\.profile) == ["a"])
    }

    @Test("default_profile when no --profile")
    func defaultProfile() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let session = try await scratch.session(config: Self.twoWithDefault, arguments: ["j1"])
        #expect(session.defaultProfile == "b")
        #expect(session.profiles.map(\.name) == ["b"])
        #expect(session.entries == [WatchEntry(profile: "b", jobID: "j1")])
    }

    @Test("the only profile when there is no default_profile")
    func onlyProfile() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let session = try await scratch.session(config: #"{"profiles": {"solo": \#(Self.profile(18003))}}"#, arguments: ["j1"])
        #expect(session.defaultProfile == "solo")
        #expect(session.profile("solo")?.endpoint.port == 18003)
        #expect(session.entries.map(\.profile) == ["solo"])
    }

    @Test("\"default\" among several profiles without a default_profile: made from the flags")
    func defaultNameWithFlags() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let flags = SessionFlags.with {
            $0.endpoint = loopback(18004)
            $0.projectID = Self.project
            $0.auth = JobwatchConfig.AuthKind.none
        }
        let session = try await scratch.session(config: Self.twoWithoutDefault, flags: flags, arguments: ["j1"])
        #expect(session.defaultProfile == "default")
        #expect(session.profiles.map(\.name) == ["default"])
        #expect(session.profile("default")?.endpoint.port == 18004)
    }

    @Test("\"default\" among several profiles, with no flag to make it from: one line that says what to pass")
    func defaultNameWithoutFlags() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let error = await thrownError { _ = try await scratch.session(config: Self.twoWithoutDefault) }
        let message = try #require((error as? UsageError)?.description)
        #expect(message == #"profile "default" has no region or endpoint for bms — pass --region cn-north-4 (or --endpoint URL), or set region in the config"#)
    }

    @Test("with no config at all, \"default\", and the hint names --demo")
    func noConfigAtAll() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let error = await thrownError { _ = try await scratch.session(config: "") }
        let message = try #require((error as? UsageError)?.description)
        #expect(message.hasPrefix(#"profile "default" has no region or endpoint for bms — "#))
        #expect(message.hasSuffix("(or try jobwatch --demo: no account needed)"))
        #expect(message.components(separatedBy: " — ").count == 2)

        let flags = SessionFlags.with {
            $0.endpoint = loopback(18005)
            $0.projectID = Self.project
        }
        let session = try await scratch.session(config: "", flags: flags)
        #expect(session.defaultProfile == "default")
        #expect(session.resolution("default")?.credentialOrigin == "none", "no credential anywhere is fine on loopback")
    }
}
