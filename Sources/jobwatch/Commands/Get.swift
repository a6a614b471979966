import ArgumentParser
import Foundation
import JobModel
import JobSession
import JobEngine
import JobUI

extension JobWatch {
    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read each job once, print its tree, and exit.",
            discussion: """
            One request per job, within the same budget as the dashboard. Answers within
            --timeout (10s) whatever the server does: a 200 that is not a job, a 4xx, an unknown
            host or a refused connection is reported after one request; 429, 5xx, timeouts
            and resets get at most two quick retries.
            Exit codes: 0 every job read and none failed, 1 at least one FAIL,
            3 a job could not be read (not found, credentials refused, no answer), 64 usage.
            A job of another service than --service (default bms) is written SERVICE/JOB_ID;
            services: bms, ecs, evs, ims, vpc (EIP jobs; also eip), cce.

            Examples:
              jobwatch get --region cn-north-4 --project-id 0a1b… 2c9eb2c5544cbf6101544f0602af2b4f
              jobwatch get --region cn-north-4 --project-id 0a1b… ecs/ff8080827e7810fb017f06338a731328 cce/5ec1518c-87db-11ec-b5e5-0255ac101514
              jobwatch get --demo
              jobwatch get --demo --json | jq '.jobs[].job.status'
            """
        )

        @OptionGroup var common: CommonOptions

        @Flag(name: .long, help: "Print one JSON document (schema 1) instead of the tree.")
        var json = false

        @OptionGroup var reading: OneReadOptions

        @OptionGroup var state: StateOptions

        func run() async throws {
            do {
                let result = try await read()
                let states = result.states
                let now = Date()
                    if json {
                    print(JSONReport.document(states, now: now))
                } else {
                    let unicode = LocaleInfo.isUTF8
                    let zone = reading.zone
                    for line in PlainTree.lines(for: states, now: now, timeZone: zone, unicode: unicode) { PlainOutput.line(line) }
                }
                Self.reportProblems(result)
                throw ExitCode(ExitStatus.of(states).rawValue)
            } catch {
                throw CommandFailure.exit(for: error)
            }
        }

        /// On stderr: each job's error, why some were not read, a clock skew worth a warning.
        static func reportProblems(_ result: Result) {
            for state in result.states {
                if let error = state.lastError {
                    CommandFailure.printError("\(state.key.jobID): \(error)")
                } else if state.job == nil, let reason = state.detachedReason {
                    CommandFailure.printError("\(state.key.jobID): not read — \(reason)")
                }
            }
            if let unread = result.unreadBecause { CommandFailure.printError(unread) }
            if let skew = result.clockSkew { CommandFailure.printError(ClockSkewText.warning(skew)) }
        }

        struct Result {
            var states: [JobState]
            /// Why some jobs were never asked (the budget or the timeout), with what to do.
            var unreadBecause: String?
            /// Local clock minus the server's, when it is worth a warning.
            var clockSkew: TimeInterval?
        }

        /// Adds the jobs to an engine and waits until each has an answer worth printing
        /// (`OneShotRead`), or until `--timeout`.
        func read() async throws -> Result {
            try await Self.read(common: common, reading: reading, state: state)
        }

        /// `read()` for any command that reads jobs as `get` does (`report`).
        static func read(common: CommonOptions, reading: OneReadOptions, state: StateOptions) async throws -> Result {
            let limit = try DurationOption.parse(reading.timeout, flag: "--timeout")
            let jobIDs = reading.jobIDs
            var session = try await Session.start(common, jobArguments: jobIDs, includeConfiguredJobs: jobIDs.isEmpty, purpose: .read)
            // A request may not outlast the read itself.
            session.clientOptions.requestTimeout = min(session.clientOptions.requestTimeout, limit)
            let reportRetries = isatty(STDERR_FILENO) == 1
            let environment = ProcessInfo.processInfo.environment
            return try await session.withClient { client in
                let opened = try await state.open(session: session, role: .ownJobs, environment: environment, sayingProblem: true)
                let engine = try await session.makeEngine(client: client, state: opened, requireJobs: true)
                // Another window's answer when it is fresh and that window polls it still (a
                // finished job's never changes).
                await engine.adoptSharedAnswers(unfinishedWithin: session.settings.interval, whilePolled: true)
                let runner = Task { await engine.run() }
                let deadline = ContinuousClock.now + limit
                var snapshot = await Self.firstAnswers(from: engine, until: deadline, reportRetries: reportRetries)
                if snapshot.lookupsOutstanding > 0 {
                    let namesDeadline = OneShotRead.namesDeadline(settledAt: ContinuousClock.now, deadline: deadline, waitForNames: reading.names == .wait)
                    snapshot = await Self.namesIn(from: engine, until: namesDeadline)
                }
                runner.cancel()
                await runner.value
                let budget = snapshot.budgets.map(\.limitPerMinute).min() ?? session.settings.requestsPerMinute
                return Result(
                    states: snapshot.jobs,
                    unreadBecause: Self.unreadExplanation(snapshot.jobs, limit: limit, budgetPerMinute: budget),
                    clockSkew: snapshot.clockSkewWarning ? snapshot.clockSkew : nil
                )
            }
        }

        /// The engine's snapshots, newest first, until `deadline`; then the stream ends.
        static func snapshots(of engine: Engine, until deadline: ContinuousClock.Instant) async -> AsyncStream<Snapshot> {
            let source = await engine.snapshots()
            let (stream, continuation) = AsyncStream.makeStream(of: Snapshot.self, bufferingPolicy: .bufferingNewest(1))
            let forward = Task {
                for await snapshot in source { continuation.yield(snapshot) }
                continuation.finish()
            }
            let timer = Task {
                try? await Task.sleep(until: deadline)
                continuation.finish()
            }
            continuation.onTermination = { _ in
                forward.cancel()
                timer.cancel()
            }
            return stream
        }

        /// The first snapshot in which every job has its answer (`OneShotRead`), or the one at
        /// `deadline`.
        static func firstAnswers(from engine: Engine, until deadline: ContinuousClock.Instant, reportRetries: Bool) async -> Snapshot {
            let deadlineDate = Date().addingTimeInterval((deadline - .now).seconds)
            var retrying = 0
            for await snapshot in await snapshots(of: engine, until: deadline) {
                if snapshot.jobs.allSatisfy({ OneShotRead.isSettled($0, deadline: deadlineDate) }) { return snapshot }
                let now = snapshot.jobs.filter { $0.lastError != nil && !OneShotRead.isSettled($0, deadline: deadlineDate) }
                if reportRetries, now.count != retrying, let error = now.first?.lastError {
                    let seconds = Int(max(0, deadlineDate.timeIntervalSinceNow).rounded(.up))
                    CommandFailure.printError("retrying \(now.count) job\(now.count == 1 ? "" : "s") (\(error.httpStatus.map { "HTTP \($0)" } ?? error.message)) — up to \(seconds)s more; --timeout waits longer")
                }
                retrying = now.count
            }
            return await engine.currentSnapshot()
        }

        /// The first snapshot with every name asked for answered, or the one at `deadline`.
        static func namesIn(from engine: Engine, until deadline: ContinuousClock.Instant) async -> Snapshot {
            for await snapshot in await snapshots(of: engine, until: deadline) where snapshot.lookupsOutstanding == 0 {
                return snapshot
            }
            return await engine.currentSnapshot()
        }

        /// Jobs without an answer when the timeout came: still waiting on the server, or never
        /// asked because the request budget ran out first.
        static func unreadExplanation(_ states: [JobState], limit: Duration, budgetPerMinute: Double) -> String? {
            let unread = states.filter { $0.attemptedAt == nil && $0.readAt == nil && $0.health == .pending }
            let unasked = unread.count { !$0.requestInFlight }
            guard !unread.isEmpty else { return nil }
            // Every one of them was asked (the engine says so): the server did not answer.
            if unasked == 0 {
                return "\(unread.count) of \(states.count) job\(states.count == 1 ? "" : "s") not read: no answer within --timeout \(ElapsedText.format(limit.seconds)) — the endpoint is slow or does not answer; pass a longer --timeout"
            }
            let minutes = Double(unasked) / max(1, budgetPerMinute)
            let needed = ElapsedText.format(max(60, (minutes * 60).rounded(.up)) + limit.seconds)
            return "\(unasked) of \(states.count) jobs not read: --timeout \(ElapsedText.format(limit.seconds)) ran out within the request budget of \(Int(budgetPerMinute)) per minute — the rest needs about \(ElapsedText.format((minutes * 60).rounded(.up))): pass --timeout \(needed)"
        }
    }
}
