import Foundation
import JobModel
import JobAPI
import JobEngine
import Logging

/// Everything a command needs to read jobs, from flags, the config file and the environment.
struct Session {
    var profiles: [ProfileTarget]
    var defaultProfile: String
    /// Jobs from the config (when asked for) and from the arguments, in that order.
    var entries: [WatchEntry]
    var settings: EngineSettings
    var clientOptions: ClientOptions
    var config: JobwatchConfig
    var demo: DemoServer?
    var logger: Logger
    /// Where each profile's credential and project ID came from (`doctor`, the log).
    var resolutions: [ProfileResolution] = []

    /// - Parameters:
    ///   - jobArguments: job IDs given on the command line (`-` reads standard input).
    ///   - includeConfiguredJobs: also watch the config's `jobs`.
    static func make(options: CommonOptions, jobArguments: [String], environment: [String: String], includeConfiguredJobs: Bool) async throws -> Session {
        let config = try loadConfig(options.config, environment: environment)
        var settings = EngineSettings()
        settings.interval = config.poll.interval
        settings.requestsPerMinute = config.poll.requestsPerMinute
        settings.maxConcurrencyPerEndpoint = config.poll.maxConcurrency
        settings.policy.slowFactor = config.poll.slowFactor
        settings.names = config.ui.names && !options.noNames
        if let parsed = options.interval.flatMap(CommonOptions.interval) { settings.interval = parsed }
        var clientOptions = ClientOptions()
        clientOptions.requestTimeout = config.poll.requestTimeout
        clientOptions.connectTimeout = config.poll.connectTimeout

        let logger = try makeLogger(options.logFile, environment: environment, proxySecrets: proxySecrets(options: options, config: config, environment: environment))

        if options.demo {
            let demo = try await DemoServer.start(scenario: options.scenario, speed: options.speed)
            let ids: [JobIDText.Item]
            do {
                ids = try readArguments(jobArguments)
            } catch {
                // Every way out stops the simulator first: never exit with its server running.
                await demo.simulator.stop()
                throw error
            }
            let extra = ids.map { WatchEntry(profile: DemoServer.profileName, jobID: $0.id, service: $0.service, label: $0.label) }
            return Session(
                profiles: [demo.profile], defaultProfile: DemoServer.profileName, entries: demo.entries + extra,
                settings: settings, clientOptions: clientOptions, config: config, demo: demo, logger: logger
            )
        }
        if options.scenario != nil || options.speed != nil {
            throw UsageError("--scenario and --speed go with --demo — add --demo, or drop them")
        }

        let selected = options.profile ?? config.defaultProfile ?? (config.profiles.count == 1 ? config.profiles.keys.first! : "default")
        if let name = options.profile, config.profiles[name] == nil, options.endpoint == nil, options.region == nil {
            let known = config.profiles.keys.sorted().joined(separator: ", ")
            throw UsageError("profile \(name.debugDescription) is not in the config — use one of: \(known.isEmpty ? "(none configured)" : known), or give --region/--endpoint")
        }

        var entries: [WatchEntry] = []
        if includeConfiguredJobs {
            entries += config.jobs.map { WatchEntry(profile: $0.profile ?? selected, jobID: $0.id, service: $0.service, label: $0.label) }
        }
        entries += try readArguments(jobArguments).map { WatchEntry(profile: selected, jobID: $0.id, service: $0.service, label: $0.label) }

        var names = Set(entries.map(\.profile))
        names.insert(selected)
        var resolutions: [ProfileResolution] = []
        for name in names.sorted() {
            let overrides = name == selected ? options : nil
            try checkFiles(of: name, config: config, overrides: overrides)
            let resolution = try resolveProfileDetails(name, config: config, overrides: overrides, environment: environment, clientOptions: &clientOptions)
            logger.info("credentials", metadata: ["profile": "\(name)", "source": "\(resolution.credentialOrigin)", "project_id_from": "\(resolution.projectIDOrigin)"])
            resolutions.append(resolution)
        }
        return Session(
            profiles: resolutions.map(\.target), defaultProfile: selected, entries: entries, settings: settings,
            clientOptions: clientOptions, config: config, demo: nil, logger: logger, resolutions: resolutions
        )
    }

    static func loadConfig(_ path: String?, environment: [String: String]) throws -> JobwatchConfig {
        do {
            if let path {
                return try JobwatchConfig.load(path: path)
            }
            let defaultPath = JobwatchConfig.defaultPath(environment: environment)
            if FileManager.default.fileExists(atPath: defaultPath) {
                return try JobwatchConfig.load(path: defaultPath)
            }
            return try JobwatchConfig.parse(Data("{}".utf8), fileName: "(defaults)")
        } catch {
            throw UsageError("\(error)")
        }
    }

    /// A profile from the config, with the command line's overrides for the selected one.
    static func resolveProfile(_ name: String, config: JobwatchConfig, overrides: CommonOptions?, environment: [String: String], clientOptions: inout ClientOptions) throws -> ProfileTarget {
        try resolveProfileDetails(name, config: config, overrides: overrides, environment: environment, clientOptions: &clientOptions).target
    }

    /// As `resolveProfile`, with where the credential and the project ID came from.
    static func resolveProfileDetails(_ name: String, config: JobwatchConfig, overrides: CommonOptions?, environment: [String: String], clientOptions: inout ClientOptions) throws -> ProfileResolution {
        let configured = config.profiles[name]
        var service = configured?.service ?? .bms
        if let chosen = overrides?.service { service = chosen }
        // Per service: the command line's URL or region, else the profile's own URL for the
        // service, else its URL for all, else its region.
        var endpoints: [Service: Endpoint] = [:]
        do throws(Endpoint.Problem) {
            for each in Service.all {
                if let url = overrides?.endpoint {
                    endpoints[each] = try Endpoint(parsing: url)
                } else if let region = overrides?.region {
                    endpoints[each] = try RegionEndpoint.endpoint(service: each, region: region, environment: environment)
                } else if let url = configured?.endpoints[each] ?? configured?.endpoint {
                    endpoints[each] = try Endpoint(parsing: url)
                } else if let region = configured?.region {
                    endpoints[each] = try RegionEndpoint.endpoint(service: each, region: region, environment: environment)
                }
            }
        } catch {
            throw UsageError("\(error)")
        }
        guard let endpoint = endpoints[service] else {
            let demoHint = config.profiles.isEmpty ? " (or try jobwatch --demo: no account needed)" : ""
            throw UsageError("profile \(name.debugDescription) has no region or endpoint for \(service.name) — pass --region cn-north-4 (or --endpoint URL), or set region in the config\(demoHint)")
        }

        var auth = configured?.auth ?? .auto
        if let chosen = overrides?.auth { auth = chosen }
        let network = try network(of: name, configured: configured, overrides: overrides, environment: environment)
        let found = try ProfileResolution.credential(auth: auth, profile: name, configured: configured, endpoint: endpoint, proxy: network.proxy, environment: environment)

        let projectID: String
        let projectIDOrigin: String
        if let flag = overrides?.projectID {
            (projectID, projectIDOrigin) = (flag, "--project-id")
        } else if let value = configured?.projectID {
            (projectID, projectIDOrigin) = (value, "the profile's project_id")
        } else if let value = found.projectID {
            (projectID, projectIDOrigin) = (value, found.origin)
        } else if let value = environment[CredentialResolver.projectIDVariable], !value.isEmpty {
            (projectID, projectIDOrigin) = (value, CredentialResolver.projectIDVariable)
        } else {
            throw UsageError("no project ID for profile \(name.debugDescription) — pass --project-id, set project_id in the profile, or HUAWEICLOUD_SDK_PROJECT_ID")
        }
        if let problem = JobID.problem(with: projectID) {
            throw UsageError("project ID \(projectID.debugDescription) \(problem) — check --project-id / project_id")
        }
        var target = ProfileTarget(name: name, endpoint: endpoint, projectID: projectID, credential: .none, requestsPerMinute: configured?.requestsPerMinute)
        target.credentialSource = found.source
        target.service = service
        target.endpoints = endpoints
        // Each profile's own CA: another profile's private CA must not vouch for this endpoint.
        target.network = network
        return ProfileResolution(target: target, credentialOrigin: found.origin, projectIDOrigin: projectIDOrigin)
    }

    /// Job IDs from arguments (`ID` or `SERVICE/ID`); `-` reads standard input (lines, or the
    /// cloud's JSON), whose notices (an order awaiting payment) go to stderr, one line each.
    static func readArguments(_ arguments: [String]) throws -> [JobIDText.Item] {
        var items: [JobIDText.Item] = []
        for argument in arguments {
            do {
                if argument == "-" {
                    let data = FileHandle.standardInput.readDataToEndOfFile()
                    let parsed = try JobIDText.parse(String(decoding: data, as: UTF8.self), source: "stdin")
                    // Notices echo input only escaped (`CreationResponse`): safe for the terminal.
                    for notice in parsed.notices {
                        StandardStreams.err("jobwatch: \(notice)\n")
                    }
                    items += parsed.items
                } else {
                    items.append(try JobIDText.argument(argument))
                }
            } catch {
                throw UsageError("\(error)")
            }
        }
        return items
    }

    /// The profile's proxy rules and trust: `--proxy`/`--ca-file` over the profile's `proxy`/
    /// `ca_file` over the environment's.
    static func network(of name: String, configured: JobwatchConfig.Profile?, overrides: CommonOptions?, environment: [String: String]) throws -> NetworkSettings {
        do {
            let proxy: ProxySetting
            if let text = overrides?.proxy {
                proxy = try ProxySetting.given(text, origin: "--proxy", environment: environment)
            } else if let text = configured?.proxy {
                proxy = try ProxySetting.given(text, origin: "profiles.\(name).proxy", environment: environment)
            } else {
                proxy = try ProxySetting.environment(environment)
            }
            let caOrigin = overrides?.caFile != nil ? "--ca-file" : "profiles.\(name).ca_file"
            let trust = try TrustStore.resolve(caFile: overrides?.caFile ?? configured?.caFile, origin: caOrigin, environment: environment)
            return NetworkSettings(proxy: proxy, trust: trust)
        } catch let problem as ProxyServer.Problem {
            throw UsageError(problem.description)
        } catch let problem as TrustStore.Problem {
            throw UsageError(problem.description)
        }
    }

    /// Every proxy password the run may use, for the log's redactor.
    static func proxySecrets(options: CommonOptions, config: JobwatchConfig, environment: [String: String]) -> [String] {
        let texts = [options.proxy] + config.profiles.values.map(\.proxy)
        let given = texts.compactMap { $0 }.compactMap { try? ProxyServer(parsing: $0, origin: "") }.flatMap(\.secrets)
        return given + ((try? ProxySetting.environment(environment))?.secrets ?? [])
    }

    static func makeLogger(_ path: String?, environment: [String: String], proxySecrets: [String] = []) throws -> Logger {
        guard let path else {
            return Logger(label: "jobwatch", factory: { _ in SwiftLogNoOpLogHandler() })
        }
        try checkWritable(path, option: "--log-file")
        let secrets = [CredentialResolver.secretKeyVariable, CredentialResolver.securityTokenVariable, CredentialResolver.tokenVariable]
            .compactMap { environment[$0] } + proxySecrets
        let redactor = Redactor(secrets: secrets)
        do {
            let factory = try FileLogHandler.opening(path: path) { redactor.redact($0) }
            return Logger(label: "jobwatch", factory: factory)
        } catch {
            throw UsageError("--log-file \(path): cannot open it for writing — check the folder exists and is writable")
        }
    }

    func makeClient() -> JobClient {
        JobClient(options: clientOptions)
    }

    func shutdown() async {
        await demo?.simulator.stop()
    }
}
