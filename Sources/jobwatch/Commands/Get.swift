import ArgumentParser
import Foundation
import JobAPI
import JobEngine
import JobUI

extension JobWatch {
    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read each job once, print its tree, and exit.",
            discussion: """
            One request per job (within the same budget and rules as the dashboard).
            Exit codes: 0 every job read and none failed, 1 at least one FAIL,
            3 a job could not be read (not found, credentials refused, permanent error), 64 usage.

            Examples:
              jobwatch get --region cn-north-4 --project-id 0a1b… 2c9eb2c5544cbf6101544f0602af2b4f
              jobwatch get --demo
              jobwatch get --demo --json | jq '.jobs[].job.status'
            """
        )

        @OptionGroup var common: CommonOptions

        @Flag(name: .long, help: "Print one JSON document (schema 1) instead of the tree.")
        var json = false

        @Flag(name: .long, help: "Show times in UTC instead of local time.")
        var utc = false

        @Option(name: .long, help: ArgumentHelp("Give up waiting for answers after this long (retries of 429/5xx included).", valueName: "duration"))
        var timeout: String = "60s"

        @Argument(help: ArgumentHelp("Job IDs; - reads them from standard input.", valueName: "job-id"))
        var jobIDs: [String] = []

        func run() async throws {
            do {
                let states = try await read()
                let now = Date()
                if json {
                    print(JSONReport.document(states, now: now))
                } else {
                    let unicode = LocaleInfo.isUTF8
                    let zone = utc ? TimeZone(identifier: "UTC")! : TimeZone.current
                    for line in PlainTree.lines(for: states, now: now, timeZone: zone, unicode: unicode) { print(line) }
                }
                for state in states where state.job == nil || state.lastError != nil {
                    if let error = state.lastError { CommandFailure.printError("\(state.key.jobID): \(error)") }
                }
                throw ExitCode(ExitStatus.of(states).rawValue)
            } catch {
                throw CommandFailure.exit(for: error)
            }
        }

        /// Adds the jobs to an engine and waits until each has an answer worth printing:
        /// transient errors and 429s are retried within `--timeout`.
        func read() async throws -> [JobState] {
            let limit = try DurationOption.parse(timeout, flag: "--timeout")
            let session = try await Session.make(options: common, jobArguments: jobIDs, environment: ProcessInfo.processInfo.environment, includeConfiguredJobs: jobIDs.isEmpty)
            return try await session.withClient { client in
                let engine = try await session.makeEngine(client: client, requireJobs: true)
                let runner = Task { await engine.run() }
                let states = try await Self.firstAnswers(from: engine, within: limit)
                runner.cancel()
                await runner.value
                return states
            }
        }

        static func firstAnswers(from engine: Engine, within limit: Duration) async throws -> [JobState] {
            let snapshots = await engine.snapshots()
            let deadline = ContinuousClock.now + limit
            return await withTaskGroup(of: [JobState]?.self) { group in
                group.addTask {
                    for await snapshot in snapshots where snapshot.jobs.allSatisfy(Self.isSettled) {
                        return snapshot.jobs
                    }
                    return nil
                }
                group.addTask {
                    try? await Task.sleep(until: deadline)
                    return nil
                }
                let first = await group.next() ?? nil
                group.cancelAll()
                if let first { return first }
                return await engine.currentSnapshot().jobs
            }
        }

        /// Read, or known to be unreadable. What the server asked to retry (429, 5xx) is
        /// waited out; a connection that cannot be made (DNS, refused) will not get better in
        /// a minute, so it is reported at once.
        static func isSettled(_ state: JobState) -> Bool {
            if state.readAt != nil || state.health == .authStopped || state.health == .notFound { return true }
            guard let error = state.lastError else { return false }
            if error.kind == .transport { return true }
            return error.category != .transient && error.category != .throttled
        }
    }
}
