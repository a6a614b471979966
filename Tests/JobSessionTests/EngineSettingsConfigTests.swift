import Foundation
import JobModel
import JobEngine
import JobSession
import Testing

/// `EngineSettings(poll:showNames:interval:purpose:)`: the engine's defaults, the config's
/// `poll` over them, `--interval` and names over that, then what the purpose needs.
@Suite("Engine settings from the config")
struct EngineSettingsConfigTests {
    /// `settings` with the defaults' random seed, so two settings compare on what matters.
    static func seeded(_ settings: EngineSettings) -> EngineSettings {
        var settings = settings
        settings.randomSeed = EngineSettings.defaults.randomSeed
        return settings
    }

    static var custom: JobwatchConfig.PollSettings {
        var poll = JobwatchConfig.PollSettings()
        poll.interval = .seconds(45)
        poll.requestsPerMinute = 12.5
        poll.maxConcurrency = 2
        poll.slowFactor = 3
        poll.retention = .seconds(2 * 86_400)
        return poll
    }

    @Test("the config's poll defaults are the engine's: defined once")
    func configDefaultsAreTheEngines() {
        let poll = JobwatchConfig.PollSettings()
        let engine = EngineSettings.defaults
        #expect(poll.interval == engine.interval)
        #expect(poll.requestsPerMinute == engine.requestsPerMinute)
        #expect(poll.maxConcurrency == engine.maxConcurrencyPerEndpoint)
        #expect(poll.slowFactor == engine.policy.slowFactor)
        #expect(JobwatchConfig().poll == poll)
    }

    @Test("the default config makes the engine's defaults, for the purposes that change nothing", arguments: [SessionPurpose.wait, .check])
    func defaultConfigIsDefaults(purpose: SessionPurpose) {
        let built = EngineSettings(poll: JobwatchConfig.PollSettings(), showNames: true, interval: nil, purpose: purpose)
        #expect(Self.seeded(built) == EngineSettings.defaults)
    }

    @Test("every poll setting reaches the engine")
    func pollSettings() {
        let built = EngineSettings(poll: Self.custom, showNames: true, interval: nil, purpose: .wait)
        #expect(built.interval == .seconds(45))
        #expect(built.requestsPerMinute == 12.5)
        #expect(built.maxConcurrencyPerEndpoint == 2)
        #expect(built.policy.slowFactor == 3)
        #expect(built.names)
        // What the config does not set stays the engine's.
        #expect(built.policy.backoffCap == EngineSettings.defaults.policy.backoffCap)
    }

    @Test("the mode: --poll-mode over the config's poll.mode over balanced; slow_factor kept on any mode", arguments: [
        (PollPolicy.Mode?.none, PollPolicy.Mode?.none, PollPolicy.Mode.balanced),
        (nil, .frugal, .frugal),
        (.prompt, .frugal, .prompt),
        (.frugal, nil, .frugal),
    ] as [(PollPolicy.Mode?, PollPolicy.Mode?, PollPolicy.Mode)])
    func mode(_ flag: PollPolicy.Mode?, _ configured: PollPolicy.Mode?, _ expected: PollPolicy.Mode) {
        var poll = Self.custom
        if let configured { poll.mode = configured }
        let built = EngineSettings(poll: poll, showNames: true, interval: nil, mode: flag, purpose: .wait)
        #expect(built.policy.mode == expected)
        #expect(built.policy.pace == PollPolicy(mode: expected).pace)
        #expect(built.policy.slowFactor == 3)
    }

    @Test("--interval wins over the config's interval; without it the config's is used")
    func intervalFlag() {
        #expect(EngineSettings(poll: Self.custom, showNames: true, interval: .seconds(5), purpose: .wait).interval == .seconds(5))
        #expect(EngineSettings(poll: Self.custom, showNames: true, interval: nil, purpose: .wait).interval == .seconds(45))
    }

    @Test("names off")
    func namesOff() {
        #expect(!EngineSettings(poll: Self.custom, showNames: false, interval: nil, purpose: .watch).names)
    }

    @Test(".read: one answer, the one-shot backoff cap, nothing leaves")
    func read() {
        let built = EngineSettings(poll: Self.custom, showNames: true, interval: nil, purpose: .read)
        #expect(built.oneShot)
        #expect(built.policy.backoffCap == OneShotRead.backoffCap)
        #expect(built.policy.backoffCap != EngineSettings.defaults.policy.backoffCap, "the test must tell the two apart")
        #expect(built.retention == nil)
    }

    @Test(".watch: the config's retention, polled on")
    func watch() {
        let built = EngineSettings(poll: Self.custom, showNames: true, interval: nil, purpose: .watch)
        #expect(built.retention == .seconds(2 * 86_400))
        #expect(!built.oneShot)
        #expect(built.policy.backoffCap == EngineSettings.defaults.policy.backoffCap)
    }

    @Test(".wait and .check: nothing leaves the watch, polled on", arguments: [SessionPurpose.wait, .check])
    func waitAndCheck(purpose: SessionPurpose) {
        let built = EngineSettings(poll: Self.custom, showNames: true, interval: nil, purpose: purpose)
        #expect(built.retention == nil)
        #expect(!built.oneShot)
        #expect(built.policy.backoffCap == EngineSettings.defaults.policy.backoffCap)
    }
}
