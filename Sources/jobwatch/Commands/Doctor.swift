import ArgumentParser
import Foundation
import JobModel
import JobSession
import JobAPI
import JobEngine

extension JobWatch {
    /// `jobwatch doctor`: says where each profile's credential comes from and proves it with
    /// one signed request, like `gh auth status`.
    struct Doctor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check credentials, endpoints and the clock with one signed request per profile and service.",
            discussion: """
            For each profile (and service) jobwatch would use: where the credential comes from \
            (the AK shortened; never a secret), the endpoint and its TLS, the project ID and \
            where it came from, the answer to one signed request for a job that cannot exist \
            (a 404 proves the signature was accepted; a 401/403 gives the gateway's reason), \
            and the clock's skew against the server's Date.
            Credentials are looked for as the SDK does: the environment, the profile's \
            credentials_file, then HUAWEICLOUD_SDK_CREDENTIALS_FILE or ~/.huaweicloud/credentials; \
            the metadata service only with --auth metadata.
            Exit codes: 0 every check passed, 3 a request was refused or failed, 64 configuration.

            Examples:
              jobwatch doctor --region cn-north-4 --project-id 0a1b…
              jobwatch doctor --profile prod --service ecs --json
              jobwatch doctor --hosts --cloud otc --region eu-de
            """
        )

        @OptionGroup var common: CommonOptions

        @Flag(name: .long, help: "Print one JSON document instead of text.")
        var json = false

        @Flag(name: .long, help: "Print the host each service resolves to, for each profile, and send nothing.")
        var hosts = false

        /// The job every check asks for: valid as an ID, never a real job.
        static func probeJobID(for service: Service) -> String {
            let uuid = "00000000-0000-0000-0000-000000000000", hex = String(repeating: "0", count: 32)
            // A DMS task is asked through its instance (`INSTANCE_ID/TASK_ID`).
            return service == .cce ? uuid : service.idNamesInstance ? "\(uuid)/\(hex)" : hex
        }

        func run() async throws {
            let session: Session
            do {
                session = try await Session.start(common, jobArguments: [], includeConfiguredJobs: true, purpose: .check)
            } catch {
                if json { Self.printJSON(checks: [], error: "\(error)") }
                throw CommandFailure.exit(for: error)
            }
            if hosts {
                DoctorHosts.print(session.profiles, json: json)
                return
            }
            let checks: [DoctorCheck]
            do {
                checks = try await session.withClient { client in await check(session, client: client) }
            } catch {
                throw CommandFailure.exit(for: error)
            }
            if json {
                Self.printJSON(checks: checks, error: nil)
            } else {
                for (index, check) in checks.enumerated() {
                    if index > 0 { PlainOutput.line("") }
                    for line in check.lines { PlainOutput.line(line) }
                }
                let failed = checks.count { $0.outcome != .ok }
                PlainOutput.line("")
                PlainOutput.line(failed == 0 ? (checks.count == 1 ? "the check passed" : "all \(checks.count) checks passed") : "\(failed) of \(checks.count) check\(checks.count == 1 ? "" : "s") failed")
            }
            throw ExitCode(checks.allSatisfy { $0.outcome == .ok } ? ExitStatus.success.rawValue : ExitStatus.unreadable.rawValue)
        }

        /// The profiles and services the session would read, one request each, in turn.
        func check(_ session: Session, client: JobClient) async -> [DoctorCheck] {
            var checks: [DoctorCheck] = []
            let origins = Dictionary(session.resolutions.map { ($0.target.name, $0) }, uniquingKeysWith: { first, _ in first })
            for profile in session.profiles {
                var services: [Service] = [profile.service]
                if common.service == nil || profile.name != session.defaultProfile {
                    for entry in session.entries where entry.profile == profile.name {
                        let service = entry.service ?? profile.service
                        if !services.contains(service) { services.append(service) }
                    }
                }
                for service in services {
                    let origin = origins[profile.name]
                    checks.append(await Self.check(
                        profile, service: service, client: client,
                        credentialOrigin: origin?.credentialOrigin ?? "the demo's built-in keys",
                        projectIDOrigin: origin?.projectIDOrigin ?? "the demo"
                    ))
                }
            }
            return checks
        }

        static func check(_ profile: ProfileTarget, service: Service, client: JobClient, credentialOrigin: String, projectIDOrigin: String) async -> DoctorCheck {
            let endpoint = profile.endpoint(for: service)
            var check = DoctorCheck(
                profile: profile.name, service: service.name, credential: "", credentialSource: credentialOrigin,
                endpoint: endpoint.description, route: profile.network.route(to: endpoint).description,
                tls: DoctorCheck.tls(of: endpoint, trust: profile.network.trust), caFile: DoctorCheck.caFile(of: profile.network.trust),
                projectID: profile.projectID, projectIDSource: projectIDOrigin, outcome: .failed, message: ""
            )
            let credential: Credential
            do {
                credential = try await profile.credentialSource.current(now: Date())
            } catch {
                check.credential = "none obtained"
                check.message = "\(error)"
                return check
            }
            check.credential = DoctorCheck.describe(credential)
            let target = JobTarget(service: service, endpoint: endpoint, projectID: profile.owner(of: service), jobID: probeJobID(for: service), network: profile.network)
            var serverDate: Date?
            let sentAt = Date()
            do throws(APIError) {
                let fetched = try await client.fetch(target, credential: credential, now: sentAt, serverDate: &serverDate)
                check.outcome = .ok
                check.httpStatus = 200
                check.requestID = fetched.requestID
                check.message = "signature accepted (HTTP 200)"
            } catch {
                check.httpStatus = error.httpStatus
                check.errorCode = error.code
                check.requestID = error.requestId
                switch error.category {
                case .notFound where error.code != "APIGW.0101":
                    check.outcome = .ok
                    // The database family says so with a 400 (`DBS.200543`), GeminiDB with an empty list.
                    check.message = "signature accepted (HTTP \(error.httpStatus ?? 404)\(error.code.map { " \($0)" } ?? "") for a job that cannot exist)"
                case .unauthorized, .forbidden:
                    check.outcome = .refused
                    check.message = refusal(error)
                default:
                    check.message = "\(error)"
                }
            }
            if let serverDate {
                // The Date header has whole seconds: half the request's time is the best guess.
                let midpoint = sentAt.addingTimeInterval(Date().timeIntervalSince(sentAt) / 2)
                check.clockSkewSeconds = (midpoint.timeIntervalSince(serverDate) * 10).rounded() / 10
            }
            return check
        }

        /// The gateway's reason, then what to check: the engine's hint speaks of stopped polling.
        static func refusal(_ error: APIError) -> String {
            var what = "HTTP \(error.httpStatus ?? 0)"
            if let code = error.code, !code.isEmpty { what += " \(code)" }
            what += " \(error.message)"
            if let id = error.requestId, !id.isEmpty { what += " (request \(id))" }
            let hint = error.category == .forbidden ? error.hint
                : "the gateway refused the credential: check that the AK and SK belong together (a temporary AK also needs its security token), to this cloud, and that the clock is right"
            return "\(OneLine.of(what)) — \(hint)"
        }

        struct Report: Encodable {
            var ok: Bool
            var error: String?
            var checks: [DoctorCheck]
        }

        static func printJSON(checks: [DoctorCheck], error: String?) {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let report = Report(ok: error == nil && checks.allSatisfy { $0.outcome == .ok }, error: error, checks: checks)
            let data = (try? encoder.encode(report)) ?? Data("{\"ok\": false}".utf8)
            StandardStreams.out(data + Data("\n".utf8))
        }
    }
}
