import ArgumentParser
import Foundation
import JobModel
import JobSession
import JobUI

extension JobWatch {
    struct Wait: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Poll until every job is finished, printing one line per transition.",
            discussion: """
            Uses the same engine as the dashboard: the same budget, backoff and failure rules.
            Exit codes: 0 every job SUCCESS, 1 at least one FAIL, 2 timed out,
            3 a job could not be read (not found, credentials refused), 64 usage,
            130/143/129 stopped by SIGINT/SIGTERM/SIGHUP (128 + the signal).

            Job IDs of other services are written SERVICE/JOB_ID (ecs/…, cce/…); the JSON a
            create call returns, piped on stdin, names its service where its shape does.

            Examples:
              jobwatch wait --region cn-north-4 --project-id 0a1b… 2c9eb2c5544cbf6101544f0602af2b4f
              hcloud ECS CreateServers … | jobwatch wait - --service ecs --timeout 45m
              echo "$jobs" | jobwatch wait - --timeout 45m
              jobwatch wait --demo --scenario quick --json
            """
        )

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: ArgumentHelp("Give up after this long (exit 2), e.g. 45m.", valueName: "duration"))
        var timeout: String?

        @Flag(name: .long, help: "Print transitions as JSON lines (schema 1).")
        var json = false

        @Flag(name: .customLong("fail-fast"), help: "Exit 1 as soon as any job or sub-job fails.")
        var failFast = false

        @Option(name: .long, help: ArgumentHelp("Print a progress line when nothing changed for this long.", valueName: "duration"))
        var heartbeat: String = "60s"

        @OptionGroup var notifications: NotificationOptions

        @OptionGroup var state: StateOptions

        @Argument(help: ArgumentHelp("Job IDs; - reads them from standard input (lines, or the API's JSON).", valueName: "job-id"))
        var jobIDs: [String] = []

        func run() async throws {
            do {
                let ending = try await waitForJobs()
                let code = ExitStatus.of(ending)
                printSummary(ending, code: code)
                throw ExitCode(code)
            } catch {
                throw CommandFailure.exit(for: error)
            }
        }

        func waitForJobs() async throws -> TransitionStreamer.Ending {
            let limit = try timeout.map { try DurationOption.parse($0, flag: "--timeout") }
            let beat = try DurationOption.parse(heartbeat, flag: "--heartbeat")
            let session = try await Session.start(common, jobArguments: jobIDs, includeConfiguredJobs: jobIDs.isEmpty, purpose: .wait)
            let environment = ProcessInfo.processInfo.environment
            return try await session.withClient { client in
                let opened = try await state.open(session: session, role: .ownJobs, environment: environment, sayingProblem: false)
                let engine = try await session.makeEngine(client: client, state: opened, requireJobs: true)
                // Said as its first reads: a job another window saw finish runs --on-done here too.
                await engine.adoptSharedAnswers(asFirstReads: true)
                let notifier = Notifier(onDone: notifications.onDone, onFail: notifications.onFail) { CommandFailure.printError($0) }
                let streamer = TransitionStreamer(
                    json: json, unicode: LocaleInfo.isUTF8, failFast: failFast, heartbeat: beat,
                    timeout: limit, exitWhenDone: true, allDoneNotice: nil, notifier: notifier
                )
                return await streamer.run(engine)
            }
        }

        func printSummary(_ ending: TransitionStreamer.Ending, code: Int32) {
            let states = ending.states
            if json {
                PlainOutput.line(JSONReport.summaryLine(states, exitCode: code, now: Date()))
                return
            }
            let counts = states.reduce(into: StatusCounts()) { $0.add($1.status) }
            var line = "\(states.count) job\(states.count == 1 ? "" : "s"): \(counts.success) succeeded, \(counts.fail) failed"
            let open = states.count - counts.finished
            if open > 0 { line += ", \(open) not finished" }
            switch ending {
            case .timedOut: line += " — timed out"
            case .interrupted(let signal, _): line += " — interrupted (\(SignalWaiter.name(signal)))"
            case .failedFast: line += " — stopped at the first failure (--fail-fast)"
            case .allDone: break
            }
            PlainOutput.line(line)
            for state in states {
                if let job = state.job, job.status == .fail {
                    PlainOutput.line("  FAIL \(job.type ?? "job") \(state.key.jobID): \(job.failureSummary ?? "no reason given")")
                } else if state.isUnreadable {
                    PlainOutput.line("  UNREADABLE \(state.key.jobID): \(state.lastError.map { "\($0)" } ?? state.detachedReason ?? "no answer yet")")
                } else if !state.isTerminal, let job = state.job {
                    PlainOutput.line("  \(job.status) \(job.type ?? "job") \(state.key.jobID)" + (state.lastError.map { " (last request: \($0))" } ?? ""))
                }
            }
        }
    }
}
