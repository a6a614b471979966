import JobModel
import JobEngine

extension EngineSettings {
    /// The one place a command's engine settings are assembled: the engine's defaults, the
    /// config's `poll` over them, `--interval`, `--poll-mode` and `--no-names` over that, then
    /// what the command's purpose needs.
    public init(poll: JobwatchConfig.PollSettings, showNames: Bool, interval: Duration?, mode: PollPolicy.Mode? = nil, purpose: SessionPurpose) {
        self.init()
        self.interval = interval ?? poll.interval
        policy = PollPolicy(mode: mode ?? poll.mode)
        requestsPerMinute = poll.requestsPerMinute
        maxConcurrencyPerEndpoint = poll.maxConcurrency
        policy.slowFactor = poll.slowFactor
        names = showNames
        switch purpose {
        case .read:
            // An answer is wanted now: a failure `OneShotRead` settles on is not asked again.
            policy.backoffCap = OneShotRead.backoffCap
            oneShot = true
        case .watch:
            // A dashboard may run for weeks: finished jobs leave it after the retention window.
            retention = poll.retention
        case .wait, .check:
            break
        }
    }
}
