import ArgumentParser
import Foundation
import JobModel
import JobSession
import JobAPI
import JobSimulator

extension JobWatch {
    /// `jobwatch simulator`: serves the simulated job API on loopback until SIGINT/SIGTERM.
    struct Simulator: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the simulated job API on loopback; prints its base URL first.",
            discussion: """
            The first line of standard output is the base URL; then one line per job of the \
            scenario (service/ID, type, what it is), and how to watch them. Each family is served \
            on its own job path (README: Services): /v1/{project_id}/jobs/{job_id} for BMS, ECS, \
            EVS, IMS and VPC, CCE's /api/v3/projects/…, the databases' /v3/{project_id}/jobs?id=…, \
            DMS's /v2/{project_id}/instances/{instance_id}/tasks/{task_id}, …. Scenario time runs --speed times faster than real \
            time; the rollout scenario plays a morning of about 15 minutes.

            Signatures are checked exactly as the API gateway does when HUAWEICLOUD_SDK_AK and \
            HUAWEICLOUD_SDK_SK (or HUAWEICLOUD_SDK_TOKEN) are set in the environment: those are \
            the credentials it accepts. Otherwise nothing is checked.

            Example:
              jobwatch simulator --speed 20 --fault 503:every=10 > sim.txt &
              jobwatch --endpoint "$(head -1 sim.txt)" \\
                --project-id \(DemoCredentials.projectID) \\
                $(grep -o '^[a-z]*/[0-9a-f-]*' sim.txt)
            """
        )

        @Option(help: ArgumentHelp("Address to listen on: loopback only (127.0.0.1, ::1, localhost).", valueName: "address"))
        var host = "127.0.0.1"

        // Unconditional: `--port -1` is a value the range check refuses, not a missing value.
        @Option(parsing: .unconditional, help: ArgumentHelp("Port to listen on; 0 picks a free one.", valueName: "n"))
        var port = 0

        @Option(help: ArgumentHelp("Scenario: \(Scenario.names.joined(separator: ", ")).", valueName: "name"))
        var scenario = Scenario.Name.rollout.rawValue

        @Option(parsing: .unconditional, help: ArgumentHelp("How many times faster than real time the scenario runs.", valueName: "factor"))
        var speed: Double = 1

        @Option(name: .customLong("fault"), help: ArgumentHelp("Answer some requests badly (repeatable): \(FaultPlan.Rule.flagSyntax).", valueName: "spec"))
        var faults: [String] = []

        @Option(parsing: .unconditional, help: ArgumentHelp("Requests per minute each credential may make before 429 APIGW.0308.", valueName: "n"))
        var quota = RateQuota.gatewayDefault.limit

        @Option(name: .customLong("tls-cert"), help: ArgumentHelp("Serve https with this certificate chain (PEM); needs --tls-key.", valueName: "file"))
        var tlsCertificate: String?

        @Option(name: .customLong("tls-key"), help: ArgumentHelp("The private key (PEM) of --tls-cert.", valueName: "file"))
        var tlsKey: String?

        @Flag(help: "Also serve the ECS metadata API (temporary AK/SK/security token, accepted by the job API): point JOBWATCH_METADATA_URL here and use --auth metadata.")
        var metadata = false

        @Option(name: .customLong("metadata-lifetime"), help: ArgumentHelp("With --metadata: how long each temporary credential works, e.g. 60s.", valueName: "duration"))
        var metadataLifetime = "60s"

        @Option(name: .customLong("request-log"), help: ArgumentHelp("Append one line per request received to this file: time, status, method, path.", valueName: "file"))
        var requestLog: String?

        func run() async throws {
            do {
                try await serve()
            } catch {
                throw CommandFailure.exit(for: error)
            }
        }

        /// Checked here rather than in `validate()`, so a refusal is one `jobwatch: … — …` line.
        private func checkArguments() throws(UsageError) {
            guard Endpoint.isLoopback(host) else {
                throw UsageError("--host \(host) is not a loopback address — the simulator serves plain HTTP and accepts test credentials; use 127.0.0.1, ::1 or localhost")
            }
            guard (0...65535).contains(port) else {
                throw UsageError("--port \(port) is out of range — give 0 (any free port) to 65535")
            }
            guard speed > 0, speed <= 10_000 else {
                throw UsageError("--speed \(speed) is out of range — give a factor above 0 and at most 10000")
            }
            if (tlsCertificate == nil) != (tlsKey == nil) {
                throw UsageError("--tls-cert and --tls-key go together — give both (a PEM certificate and its key), or neither for plain http")
            }
            guard quota >= 1 else {
                throw UsageError("--quota \(quota) is too small — give at least 1 request per minute")
            }
        }

        private func serve() async throws {
            try checkArguments()
            let environment = ProcessInfo.processInfo.environment
            var options = SimulatorOptions(speed: speed, quota: RateQuota(limit: quota))
            options.scenario = try Scenario.Name(parsing: scenario)
            options.faults = FaultPlan(try faults.map { text throws(FaultPlan.Rule.Problem) in try FaultPlan.Rule(parsing: text) })
            options.credentials = SimulatorCredentials.fromEnvironment(environment)
            if metadata {
                let lifetime = try DurationOption.parse(metadataLifetime, flag: "--metadata-lifetime")
                guard lifetime >= .seconds(10) else {
                    throw UsageError("--metadata-lifetime \(metadataLifetime) is too short — give at least 10s")
                }
                options.metadata = MetadataOptions(lifetime: lifetime)
            }
            if let requestLog {
                guard let log = RequestLog(path: requestLog) else {
                    throw UsageError("--request-log \(requestLog): cannot open it for appending — check the folder exists and is writable")
                }
                options.requestLog = log
            }
            let projectID = environment[CredentialResolver.projectIDVariable].flatMap { $0.isEmpty ? nil : $0 }
            options.projectID = projectID
            let domainID = environment[CredentialResolver.domainIDVariable].flatMap { $0.isEmpty ? nil : $0 }
            options.domainID = domainID
            describeAuthentication(options.credentials, projectID: projectID, metadata: options.metadata != nil)

            // Before the URL is printed: a script may stop the simulator as soon as it reads it.
            let signals = SignalWaiter.Installed()
            let simulator = JobSimulator(options: options)
            let tls = tlsCertificate.map { SimulatorTLS(certificateFile: $0, keyFile: tlsKey ?? "") }
            let url: String
            do {
                url = try await simulator.start(host: host, port: port, tls: tls)
            } catch let problem as SimulatorTLSProblem {
                throw UsageError("--tls-cert/--tls-key: \(problem) — give a PEM certificate and its PEM key")
            } catch {
                throw UsageError("cannot listen on \(host) port \(port) (\(error)) — choose another --port, or 0 for a free one")
            }

            if let metadata = options.metadata {
                StandardStreams.err("jobwatch simulator: serving the metadata API (temporary credentials for \(DurationText.format(metadata.lifetime))): JOBWATCH_METADATA_URL=\(url) jobwatch --auth metadata …\n")
            }
            var lines = [url]
            let now = simulator.scenarioElapsed
            for job in simulator.topLevelJobs {
                let size = job.subJobCount > 0 ? ", \(job.subJobCount) sub-jobs" : ""
                // Asked before then, the API answers 404, as the real one would: said, not hidden.
                let later = job.createdAt > now ? ", created \(DurationText.format(.seconds(((job.createdAt - now) / speed).rounded(.up)))) from now" : ""
                lines.append("\(job.qualifiedID) \(job.type) (\(JobKind.label(for: job.type, service: job.service))\(size)\(later))")
            }
            lines.append("")
            lines.append("# scenario \(options.scenario) at \(speed)x real time; watch it with:")
            // Global EIP jobs and orders are the account's: their path or header names the domain.
            let account = simulator.topLevelJobs.contains { $0.service.scope == .account } ? " --domain-id \(domainID ?? DemoCredentials.domainID)" : ""
            lines.append("#   jobwatch --endpoint \(url) --project-id \(projectID ?? DemoCredentials.projectID)\(account) \(simulator.topLevelJobs.map(\.qualifiedID).joined(separator: " "))")
            lines.append("# Ctrl-C stops the simulator.")
            // Unbuffered, so a script reading the first line sees it at once.
            StandardStreams.out(lines.joined(separator: "\n") + "\n")

            _ = await signals.wait()
            await simulator.stop()
        }

        /// Says on stderr what is checked; names the AK (not secret), never the SK or a token.
        private func describeAuthentication(_ credentials: SimulatorCredentials?, projectID: String?, metadata: Bool) {
            var notes: [String] = []
            if let credentials {
                let aks = credentials.accessKeys.keys.sorted()
                if !aks.isEmpty { notes.append("checking AK/SK signatures for AK \(aks.joined(separator: ", ")) (from \(CredentialResolver.accessKeyVariable)/\(CredentialResolver.secretKeyVariable))") }
                if !credentials.tokens.isEmpty { notes.append("accepting the IAM token in \(CredentialResolver.tokenVariable)") }
            } else if metadata {
                notes.append("accepting only the metadata API's temporary credentials (no \(CredentialResolver.accessKeyVariable)/\(CredentialResolver.secretKeyVariable) set)")
            } else {
                notes.append("no \(CredentialResolver.accessKeyVariable)/\(CredentialResolver.secretKeyVariable) or \(CredentialResolver.tokenVariable) set: requests are not authenticated")
            }
            if let projectID { notes.append("serving project \(projectID) only (\(CredentialResolver.projectIDVariable))") }
            for note in notes {
                StandardStreams.err("jobwatch simulator: \(note)\n")
            }
        }
    }
}
