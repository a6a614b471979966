import Foundation
import JobModel
import JobEngine
import JobSession
import Testing

/// A session's engine settings and client options, from a real config file and the flags.
@Suite("Session.make: settings from the config and the flags")
struct SessionSettingsTests {
    static func config(poll: String = "{}", ui: String = "{}") -> String {
        #"""
        {"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "project_id": "\#(SessionScratch.projectID)", "auth": "none"}},
         "poll": \#(poll), "ui": \#(ui)}
        """#
    }

    static let poll = #"""
        {"interval": "45s", "requests_per_minute": 12, "max_concurrency": 2, "slow_factor": 3, "retention": "2d",
         "request_timeout": "20s", "connect_timeout": "2s"}
        """#

    @Test("the config's poll section reaches the engine and the client")
    func fromConfig() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let session = try await scratch.session(config: Self.config(poll: Self.poll), purpose: .watch)
        #expect(session.settings.interval == .seconds(45))
        #expect(session.settings.requestsPerMinute == 12)
        #expect(session.settings.maxConcurrencyPerEndpoint == 2)
        #expect(session.settings.policy.slowFactor == 3)
        #expect(session.settings.retention == .seconds(2 * 86_400))
        #expect(session.settings.names)
        #expect(session.clientOptions.requestTimeout == .seconds(20))
        #expect(session.clientOptions.connectTimeout == .seconds(2))
    }

    @Test("an empty config gives the engine's defaults")
    func defaults() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        var settings = try await scratch.session(config: Self.config(), purpose: .wait).settings
        settings.randomSeed = EngineSettings.defaults.randomSeed
        #expect(settings == EngineSettings.defaults)
    }

    @Test("--interval wins over the config's interval")
    func intervalFlag() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let session = try await scratch.session(config: Self.config(poll: Self.poll), flags: .with { $0.interval = .seconds(5) })
        #expect(session.settings.interval == .seconds(5))
        #expect(session.settings.requestsPerMinute == 12, "the rest of the config still applies")
    }

    @Test("names are looked up unless --no-names or ui.names false", arguments: [false, true], [false, true])
    func names(noNames: Bool, uiNames: Bool) async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let session = try await scratch.session(config: Self.config(ui: #"{"names": \#(uiNames)}"#), flags: .with { $0.noNames = noNames })
        #expect(session.settings.names == (uiNames && !noNames))
        #expect(session.config.ui.names == uiNames)
    }

    @Test("each purpose's settings", arguments: [SessionPurpose.read, .watch, .wait, .check])
    func purposes(purpose: SessionPurpose) async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let settings = try await scratch.session(config: Self.config(poll: Self.poll), purpose: purpose).settings
        switch purpose {
        case .read:
            #expect(settings.oneShot)
            #expect(settings.policy.backoffCap == OneShotRead.backoffCap)
            #expect(settings.retention == nil)
        case .watch:
            #expect(!settings.oneShot)
            #expect(settings.retention == .seconds(2 * 86_400))
        case .wait, .check:
            #expect(!settings.oneShot)
            #expect(settings.retention == nil)
            #expect(settings.policy.backoffCap == EngineSettings.defaults.policy.backoffCap)
        }
    }
}
