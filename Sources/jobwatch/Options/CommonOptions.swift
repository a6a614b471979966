import JobModel
import ArgumentParser
import JobSession
import JobEngine

/// Options every command that reads jobs shares. Credentials are never options: they would
/// show in `ps` and in shell history (see the README).
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Configuration file.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Profile of the configuration to use.", valueName: "name"))
    var profile: String?

    @Option(name: .long, help: ArgumentHelp("Service of job IDs given without one (bms, ecs, evs, ims, vpc, cce, rds, dds, opengauss, taurusdb, geminidb, dcs, elb, sfsturbo, cbr, dms; default: the profile's, else bms).", valueName: "name"),
            completion: .list(Service.all.map(\.name)), transform: Service.parsing)
    var service: Service?

    @Option(name: .long, help: ArgumentHelp("API endpoint URL for every service, overriding the region's (https; http only for loopback).", valueName: "url"))
    var endpoint: String?

    @Option(name: .long, help: ArgumentHelp("Region, e.g. cn-north-4: each service's endpoint becomes https://SERVICE.REGION.myhuaweicloud.com.", valueName: "region"))
    var region: String?

    @Option(name: .long, help: ArgumentHelp("Cloud of the region: huaweicloud (default), otc, flexibleengine, hcs:DOMAIN (Huawei Cloud Stack), cloudru, g42.", valueName: "cloud"),
            transform: Cloud.parsing)
    var cloud: Cloud?

    @Option(name: .customLong("project-id"), help: ArgumentHelp("Project ID (else the profile's, else HUAWEICLOUD_SDK_PROJECT_ID).", valueName: "id"))
    var projectID: String?

    @Option(name: .customLong("domain-id"), help: ArgumentHelp("Account (domain) ID, for Global EIP jobs and orders (else the profile's domain_id, else HUAWEICLOUD_SDK_DOMAIN_ID).", valueName: "id"))
    var domainID: String?

    @Option(name: .long, help: ArgumentHelp("Shortest time between two polls of one job, e.g. 10s.", valueName: "duration"))
    var interval: String?

    @Option(name: .customLong("poll-mode"), help: ArgumentHelp("What polling trades (else the config's poll.mode): frugal (fewest requests), balanced (default), prompt (a fixed poller's delays).", valueName: "mode"))
    var pollMode: PollPolicy.Mode?

    // Picks where credentials come from, never the credentials themselves.
    @Option(name: .long, help: ArgumentHelp("Where credentials come from: auto (environment, then credentials files), metadata (the ECS host's agency), aksk, token, none.", valueName: "kind"))
    var auth: JobwatchConfig.AuthKind?

    @Option(name: .customLong("ca-file"), help: ArgumentHelp("Extra CA certificates (PEM) for the endpoint, beside the system's; wins over SSL_CERT_FILE/SSL_CERT_DIR.", valueName: "file"))
    var caFile: String?

    @Option(name: .long, help: ArgumentHelp("Proxy for every request (http://[user:password@]host:port), or none; wins over the profile's proxy and https_proxy/HTTPS_PROXY.", valueName: "url|none"))
    var proxy: String?

    @Option(name: .customLong("log-file"), help: ArgumentHelp("Write a log to this file (never to the terminal).", valueName: "file"))
    var logFile: String?

    @Flag(name: .customLong("no-names"), help: "Show server and volume IDs only: look up no names (also ui.names: false).")
    var noNames = false

    @Flag(name: .long, help: "Start the built-in simulator and watch its scenario: no cloud account needed.")
    var demo = false

    @Option(name: .long, help: ArgumentHelp("With --demo: the scenario (rollout, quick, families, bigbatch, day).", valueName: "name"))
    var scenario: String?

    // Unconditional: `--speed -1` is a value the range check refuses, not a missing value.
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("With --demo: how much faster than real time the scenario runs.", valueName: "factor"))
    var speed: Double?

    /// Checked while parsing, so the refusal is the parser's one line.
    func validate() throws {
        if let interval, SessionFlags.interval(interval) == nil {
            throw ValidationError("--interval \(interval.debugDescription) is not a duration from 1s to 1d — use e.g. 10s, 2m")
        }
    }

    /// The flags as the session reads them.
    var flags: SessionFlags {
        var flags = SessionFlags()
        flags.config = config
        flags.profile = profile
        flags.service = service
        flags.endpoint = endpoint
        flags.region = region
        flags.cloud = cloud
        flags.projectID = projectID
        flags.domainID = domainID
        flags.interval = interval.flatMap(SessionFlags.interval)
        flags.pollMode = pollMode
        flags.auth = auth
        flags.caFile = caFile
        flags.proxy = proxy
        flags.logFile = logFile
        flags.noNames = noNames
        flags.demo = demo
        flags.scenario = scenario
        flags.speed = speed
        return flags
    }
}
