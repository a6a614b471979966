import Foundation
import JobModel
import JobAPI
import JobEngine
import Logging

/// Everything a command needs to read jobs, from flags, the config file and the environment.
public struct Session: Sendable {
    public var profiles: [ProfileTarget]
    public var defaultProfile: String
    /// Jobs from the config (when asked for) and from the arguments, in that order.
    public var entries: [WatchEntry]
    public var settings: EngineSettings
    public var clientOptions: ClientOptions
    public var config: JobwatchConfig
    public var demo: DemoServer?
    public var logger: Logger
    /// Where each profile's credential and project ID came from (`doctor`, the log).
    public var resolutions: [ProfileResolution] = []
    /// What standard input said besides job IDs (an order awaiting payment), one line each,
    /// for the command to print on stderr.
    public var notices: [String] = []

    /// - Parameters:
    ///   - jobArguments: job IDs given on the command line (`-` reads `standardInput`).
    ///   - includeConfiguredJobs: also watch the config's `jobs`.
    public static func make(
        flags: SessionFlags, jobArguments: [String], environment: [String: String], includeConfiguredJobs: Bool,
        purpose: SessionPurpose, standardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }
    ) async throws -> Session {
        let config = try loadConfig(flags.config, environment: environment)
        let settings = EngineSettings(poll: config.poll, showNames: config.ui.names && !flags.noNames, interval: flags.interval, mode: flags.pollMode, purpose: purpose)
        var clientOptions = ClientOptions()
        clientOptions.requestTimeout = config.poll.requestTimeout
        clientOptions.connectTimeout = config.poll.connectTimeout

        // Opened only once the flags are known to be right: a refused run leaves no log file.
        func openLogger() throws -> Logger {
            try makeLogger(flags.logFile, environment: environment, proxySecrets: proxySecrets(flags: flags, config: config, environment: environment))
        }

        if flags.demo {
            let logger = try openLogger()
            let demo = try await DemoServer.start(scenario: flags.scenario, speed: flags.speed)
            let given: JobIDText.Parsed
            do {
                given = try readArguments(jobArguments, standardInput: standardInput)
            } catch {
                // Every way out stops the simulator first: never exit with its server running.
                await demo.simulator.stop()
                throw error
            }
            return Session(
                profiles: [demo.profile], defaultProfile: DemoServer.profileName,
                entries: demo.entries + given.items.map { $0.watchEntry(defaultProfile: DemoServer.profileName) },
                settings: settings, clientOptions: clientOptions, config: config, demo: demo, logger: logger, notices: given.notices
            )
        }
        if flags.scenario != nil || flags.speed != nil {
            throw UsageError("--scenario and --speed go with --demo — add --demo, or drop them")
        }

        let selected = flags.profile ?? config.defaultProfile ?? (config.profiles.count == 1 ? config.profiles.keys.first! : "default")
        if let name = flags.profile, config.profiles[name] == nil, flags.endpoint == nil, flags.region == nil {
            let known = config.profiles.keys.sorted().joined(separator: ", ")
            throw UsageError("profile \(name.debugDescription) is not in the config — use one of: \(known.isEmpty ? "(none configured)" : known), or give --region/--endpoint")
        }
        let logger = try openLogger()

        var references: [JobReference] = includeConfiguredJobs ? config.jobs : []
        let given = try readArguments(jobArguments, standardInput: standardInput)
        references += given.items
        let entries = references.map { $0.watchEntry(defaultProfile: selected) }

        var names = Set(entries.map(\.profile))
        names.insert(selected)
        var resolutions: [ProfileResolution] = []
        for name in names.sorted() {
            let overrides = name == selected ? flags : nil
            try checkFiles(of: name, config: config, overrides: overrides)
            let resolution = try ProfileResolution.resolve(name, config: config, overrides: overrides, environment: environment)
            logger.info("credentials", metadata: ["profile": "\(name)", "source": "\(resolution.credentialOrigin)", "project_id_from": "\(resolution.projectIDOrigin)"])
            resolutions.append(resolution)
        }
        let targets = resolutions.map(\.target)
        let misplaced = given.items.compactMap { reference in
            targets.first { $0.name == (reference.profile ?? selected) }.flatMap { LoggedPlaceCheck.notice(for: reference, profile: $0, place: "stdin") }
        }
        return Session(
            profiles: targets, defaultProfile: selected, entries: entries, settings: settings,
            clientOptions: clientOptions, config: config, demo: nil, logger: logger, resolutions: resolutions, notices: given.notices + misplaced
        )
    }

    /// The config at `--config`, else at the default path when it exists, else the defaults.
    public static func loadConfig(_ path: String?, environment: [String: String]) throws(ConfigError) -> JobwatchConfig {
        if let path {
            return try JobwatchConfig.load(path: path)
        }
        let defaultPath = JobwatchConfig.defaultPath(environment: environment)
        if FileManager.default.fileExists(atPath: defaultPath) {
            return try JobwatchConfig.load(path: defaultPath)
        }
        return JobwatchConfig()
    }

    /// Job references from arguments (`ID` or `SERVICE/ID`); `-` reads standard input (lines,
    /// or the cloud's JSON), whose notices (an order awaiting payment) are kept to be printed.
    static func readArguments(_ arguments: [String], standardInput: () -> Data) throws(JobReference.Problem) -> JobIDText.Parsed {
        var parsed = JobIDText.Parsed()
        for argument in arguments {
            if argument == "-" {
                // Notices echo input only escaped (`CreationResponse`): safe for the terminal.
                let fromInput = try JobIDText.parse(String(decoding: standardInput(), as: UTF8.self), source: "stdin")
                parsed += fromInput
            } else {
                parsed.items.append(try JobReference(parsing: argument))
            }
        }
        return parsed
    }

    /// Every proxy password the run may use, for the log's redactor.
    static func proxySecrets(flags: SessionFlags, config: JobwatchConfig, environment: [String: String]) -> [String] {
        let texts = [flags.proxy] + config.profiles.values.map(\.proxy)
        let given = texts.compactMap { $0 }.compactMap { try? ProxyServer(parsing: $0, origin: "") }.flatMap(\.secrets)
        return given + ((try? ProxySetting.environment(environment))?.secrets ?? [])
    }

    /// `--log-file`'s logger, which never writes a secret the environment or a proxy holds.
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

    public func makeClient() -> JobClient {
        JobClient(options: clientOptions)
    }

    /// Stops the demo's simulator, if there is one.
    public func shutdown() async {
        await demo?.simulator.stop()
    }
}
