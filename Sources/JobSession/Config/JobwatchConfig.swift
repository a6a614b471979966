import JobModel
import JobEngine

/// What `config.json` says: profiles (where and how to reach the API), jobs to watch, and
/// how to poll and show them. Every field has a default; see `config.example.json`.
///
/// Secrets never live here: a profile names a `credentialsFile`, and the environment wins.
public struct JobwatchConfig: Sendable, Hashable {
    /// The profile used when `--profile` is not given.
    public var defaultProfile: String?
    /// Profile name → profile.
    public var profiles: [String: Profile]
    /// Jobs watched when no job ID is given on the command line.
    public var jobs: [JobReference]
    public var poll: PollSettings
    public var ui: UISettings

    public init(
        defaultProfile: String? = nil, profiles: [String: Profile] = [:], jobs: [JobReference] = [],
        poll: PollSettings = PollSettings(), ui: UISettings = UISettings()
    ) {
        self.defaultProfile = defaultProfile
        self.profiles = profiles
        self.jobs = jobs
        self.poll = poll
        self.ui = ui
    }

    /// Where and how to reach one job API.
    public struct Profile: Sendable, Hashable {
        /// `cn-north-4`: each service's endpoint is then `https://{service}.{region}.myhuaweicloud.com`.
        public var region: String?
        /// Whose hosts the region's are: `cloud` (and Huawei Cloud Stack's `domain`).
        public var cloud: Cloud = .huaweicloud
        public var projectID: String?
        /// The account's ID, for its jobs (Global EIP, orders).
        public var domainID: String?
        /// Any URL, for every service; wins over `region`.
        public var endpoint: String?
        /// A service's own URL (`{"ecs": URL, "cce": URL}`); wins over `endpoint` and `region`.
        public var endpoints: [Service: String] = [:]
        /// The service of its jobs when a job does not name one.
        public var service: Service = .bms
        public var auth: AuthKind
        /// A `KEY=VALUE` file with the environment's names, mode 600 (`~` already expanded).
        public var credentialsFile: String?
        /// The section of the SDK credentials file (`credentials_section`), else `basic`.
        public var credentialsSection: String?
        /// Extra CA certificates (PEM) for private clouds (`~` already expanded).
        public var caFile: String?
        /// Its proxy URL, or `none`; wins over the environment's (`https_proxy`…).
        public var proxy: String?
        /// This profile's request budget, when lower (or higher) than `poll.requests_per_minute`.
        public var requestsPerMinute: Double?

        public init(
            region: String? = nil, projectID: String? = nil, endpoint: String? = nil, auth: AuthKind = .auto,
            credentialsFile: String? = nil, caFile: String? = nil, requestsPerMinute: Double? = nil
        ) {
            self.region = region
            self.projectID = projectID
            self.endpoint = endpoint
            self.auth = auth
            self.credentialsFile = credentialsFile
            self.caFile = caFile
            self.requestsPerMinute = requestsPerMinute
        }
    }

    /// Which credential a profile expects.
    public enum AuthKind: String, Sendable, Hashable, CaseIterable {
        /// AK/SK signing; an error when none is found.
        case aksk
        /// An IAM token; an error when none is found.
        case token
        /// No authentication (a simulator).
        case none
        /// Whatever the environment or credentials files hold.
        case auto
        /// The ECS metadata service's temporary credentials (an agency on the host); only
        /// ever contacted when asked for.
        case metadata
    }

    public struct PollSettings: Sendable, Hashable {
        /// The base interval between two requests for one job.
        public var interval: Duration = EngineSettings.defaults.interval
        /// The budget of one credential, below the gateway's quota.
        public var requestsPerMinute: Double = EngineSettings.defaults.requestsPerMinute
        /// Requests in flight at once to one endpoint.
        public var maxConcurrency: Int = EngineSettings.defaults.maxConcurrencyPerEndpoint
        /// Connect to last byte.
        public var requestTimeout: Duration = .seconds(30)
        public var connectTimeout: Duration = .seconds(5)
        /// What polling trades: requests against how soon a change shows (`PollPolicy.Mode`).
        public var mode: PollPolicy.Mode = .balanced
        /// A job running this many times longer than its siblings' typical duration is "slow".
        public var slowFactor: Double = EngineSettings.defaults.policy.slowFactor
        /// How long finished jobs stay in the state file.
        public var retention: Duration = .seconds(7 * 86_400)
        /// How often a quiet `wait` prints that it is still waiting.
        public var heartbeat: Duration = .seconds(60)

        public init() {}
    }

    public struct UISettings: Sendable, Hashable {
        public var timeZone: TimeZoneChoice = .local
        /// Ring the terminal bell when a job finishes.
        public var bell: Bool = false
        public var color: ColorChoice = .auto
        /// The background the colours are chosen for: `auto` asks the terminal.
        public var theme: ThemeChoice = .auto
        /// Open failed batch jobs to show their failed sub-jobs.
        public var expandFailed: Bool = true
        /// Look up the names of servers and volumes jobs name (`--no-names` turns it off).
        public var names: Bool = true

        public init() {}

        public enum TimeZoneChoice: String, Sendable, Hashable, CaseIterable {
            case local, utc
        }

        public enum ThemeChoice: String, Sendable, Hashable, CaseIterable {
            /// `COLORFGBG`, else the terminal's answer to OSC 11, else dark.
            case auto
            case dark
            case light
        }

        public enum ColorChoice: String, Sendable, Hashable, CaseIterable {
            /// Colour when the terminal has it and `NO_COLOR` is not set.
            case auto
            case never
            case always
        }
    }
}
