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
            let session = try await Session.make(options: common, jobArguments: jobIDs, environment: ProcessInfo.processInfo.environment, includeConfiguredJobs: jobIDs.isEmpty)
            let client: JobClient
            do {
                client = try session.makeClient()
            } catch {
                await session.shutdown()
                throw error
            }
            let engine = Engine(profiles: session.profiles, client: client, settings: session.settings, logger: session.logger)
            let runner = Task { await engine.run() }
            let limit = try DurationOption.parse(timeout, flag: "--timeout")
            let result: Result<[JobState], any Error>
            do {
                guard !session.entries.isEmpty else {
                    throw UsageError("no job IDs — give them as arguments, with - on standard input, or in the config's jobs")
                }
                do {
                    try await engine.add(session.entries)
                } catch {
                    throw UsageError("\(error)")
                }
                result = .success(try await Self.firstAnswers(from: engine, within: limit))
            } catch {
                result = .failure(error)
            }
            runner.cancel()
            await runner.value
            await client.shutdown()
            await session.shutdown()
            return try result.get()
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

        /// Read, or known to be unreadable: transient errors and throttling are waited out.
        static func isSettled(_ state: JobState) -> Bool {
            if state.readAt != nil || state.health == .authStopped || state.health == .notFound { return true }
            guard let error = state.lastError else { return false }
            return error.category != .transient && error.category != .throttled
        }
    }
}
