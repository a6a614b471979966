import ArgumentParser
import Foundation
import JobModel
import JobSession
import JobAPI
import JobEngine
import JobUI
import Logging

extension JobWatch {
    struct Watch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The dashboard: a live tree of batch jobs, sub-jobs and entities (default command).",
            discussion: """
            Watches the jobs given here, the config's jobs, and the jobs of the last session (the
            state file), so a restart after a dropped SSH session shows the same tree at once.
            When standard output is not a terminal (or with --plain, or TERM=dumb), it prints the
            state each job is known in, then one line per transition and per read problem; when
            every job is finished it says so, and exits there only with --exit-when-done (with
            wait's exit codes).

            Examples:
              jobwatch --demo
              jobwatch --region cn-north-4 --project-id 0a1b… 2c9eb2c5544cbf6101544f0602af2b4f ecs/ff8080827e7810fb017f06338a731328
              create_servers.sh | tee -a jobs.txt; jobwatch --jobs-file jobs.txt
            """
        )

        @OptionGroup var common: CommonOptions

        @Option(name: .customLong("jobs-file"), help: ArgumentHelp("Job IDs, one a line (a label may follow), or a log with job-query URLs (TF_LOG=DEBUG); followed as it grows.", valueName: "file"))
        var jobsFile: String?

        @Flag(name: .long, help: "Print transitions as lines instead of the dashboard.")
        var plain = false

        @Flag(name: .long, help: "With --plain: print JSON lines (schema 1).")
        var json = false

        @Flag(name: .customLong("exit-when-done"), help: "With --plain (or stdout not a terminal): exit when every job is finished, with wait's exit codes.")
        var exitWhenDone = false

        @Flag(name: .long, help: "Ring the bell when a job fails or everything is done.")
        var bell = false

        @Flag(name: .long, help: "Show times in UTC (t toggles).")
        var utc = false

        @OptionGroup var state: StateOptions

        @OptionGroup var notifications: NotificationOptions

        @Argument(help: ArgumentHelp("Job IDs to watch; - reads them from standard input.", valueName: "job-id"))
        var jobIDs: [String] = []

        func run() async throws {
            do {
                try await watch()
            } catch {
                throw CommandFailure.exit(for: error)
            }
        }

        func watch() async throws {
            let environment = ProcessInfo.processInfo.environment
            let session = try await Session.start(common, jobArguments: jobIDs, includeConfiguredJobs: true, purpose: .watch)
            try await session.withClient { client in
                try await watch(session: session, client: client, environment: environment)
            }
        }

        /// The engine over the session and the state file, then the dashboard or, where it cannot
        /// run (or `--plain`/`--json`), the stream of lines.
        private func watch(session: Session, client: JobClient, environment: [String: String]) async throws {
            let useDashboard = !plain && !json && Terminal.isUsable(environment: environment)
            // A stream of its own jobs keeps to them; the dashboard, or a stream given none,
            // shows the dashboards' shared watch list.
            let ownJobs = !session.entries.isEmpty || jobsFile != nil
            let role: StateRole = useDashboard || !ownJobs ? .sharedWatchList : .ownJobs
            let opened = try await state.open(session: session, role: role, environment: environment, sayingProblem: false)
            // Past retention (on the engine's clock) is left out as it starts.
            let engine = try await session.makeEngine(client: client, state: opened, requireJobs: false)
            if role == .ownJobs { await engine.adoptSharedAnswers() }
            // While the dashboard owns the terminal, problems go to the log, not to stderr.
            let logger = session.logger
            let report: @Sendable (String) -> Void = { message in
                if useDashboard {
                    logger.warning(Logger.Message(stringLiteral: message))
                } else {
                    CommandFailure.printError(message)
                }
            }
            let follower = try jobsFileTask(engine: engine, profile: session.profiles.first { $0.name == session.defaultProfile }, report: report)
            defer { follower?.cancel() }
            // The demo's jobs join as its scenario creates them, never asked before they exist.
            let arrivals = session.demo.map { demo in
                Task { for await entries in demo.arrivals() { _ = try? await engine.add(entries) } }
            }
            defer { arrivals?.cancel() }
            let notifier = Notifier(onDone: notifications.onDone, onFail: notifications.onFail, report: report)
            if useDashboard {
                try await runDashboard(engine: engine, session: session, stateKept: opened != nil, notifier: notifier, environment: environment)
            } else {
                try await runStream(engine: engine, session: session, stateKept: opened != nil, notifier: notifier)
            }
        }

        /// Lines, one per transition, until every job is done (`--exit-when-done`) or a signal.
        private func runStream(engine: Engine, session: Session, stateKept: Bool, notifier: Notifier) async throws {
            if await engine.currentSnapshot().jobs.isEmpty, jobsFile == nil {
                throw UsageError("no jobs to watch — give job IDs, --jobs-file FILE, the config's jobs, or try --demo")
            }
            let following = jobsFile, exiting = exitWhenDone
            let notice: @Sendable (Snapshot) -> String = { snapshot in
                let c = snapshot.jobCounts
                let head = "all \(c.total) job\(c.total == 1 ? "" : "s") finished (\(c.success) succeeded, \(c.fail) failed\(c.total > c.finished ? ", \(c.total - c.finished) unreadable" : ""))"
                if exiting { return head }
                if let following { return "\(head); still watching \(following) for new ones" }
                return "\(head); nothing more can be added — stop with Ctrl-C, or use --exit-when-done to exit here"
            }
            let streamer = TransitionStreamer(
                json: json, unicode: LocaleInfo.isUTF8, failFast: false, heartbeat: session.config.poll.heartbeat,
                timeout: nil, exitWhenDone: exitWhenDone, allDoneNotice: json ? nil : notice, notifier: notifier
            )
            let ending = await streamer.run(engine)
            // The last save came after the stream stopped listening: said here, or never.
            try await Self.sayUnsavedState(engine, stateKept: stateKept, fatal: exitWhenDone)
            switch ending {
            case .interrupted, .allDone: throw ExitCode(ExitStatus.of(ending))
            case .failedFast, .timedOut: return
            }
        }

        /// The full-screen dashboard until the user quits, a quit signal, or the terminal goes.
        private func runDashboard(engine: Engine, session: Session, stateKept: Bool, notifier: Notifier, environment: [String: String]) async throws {
            let dashboardEnvironment = TerminalEnvironment.applying(session.config.ui.color, to: environment)
            var options = DashboardOptions(
                bell: bell || session.config.ui.bell,
                context: context(session),
                utc: utc || session.config.ui.timeZone == .utc,
                expandFailed: session.config.ui.expandFailed,
                earlierEvents: await engine.eventLog()
            )
            options.theme = session.config.ui.theme
            let snapshots = await engine.snapshots()
            let transitions = await engine.transitions()
            let forwarded = notifier.isActive ? await engine.transitions() : nil
            let notifying = Task {
                guard let forwarded else { return }
                for await transition in forwarded { await notifier.handle(transition) }
            }
            let runner = Task { await engine.run() }
            let control = EngineControl(engine: engine, profile: session.defaultProfile)
            let exit: DashboardExit
            do {
                exit = try await DashboardDriver(snapshots: snapshots, transitions: transitions, control: control, options: options, environment: dashboardEnvironment).run()
            } catch let lost as TerminalLost {
                // The engine saves the state as it stops; then the one line and exit 74.
                runner.cancel()
                await runner.value
                throw lost
            } catch {
                runner.cancel()
                await runner.value
                throw UsageError("cannot start the dashboard: \(error)", hint: "use --plain")
            }
            runner.cancel()
            await runner.value
            await notifying.value
            await notifier.drain()
            // The header showed it while the dashboard ran; the shell's screen gets it too.
            try await Self.sayUnsavedState(engine, stateKept: stateKept, fatal: false)
            if case .signal(let number) = exit { throw ExitCode(128 + number) }
        }

        /// After the engine's last save: a failure is one line on stderr with the path. With
        /// `fatal` (`--exit-when-done`, a run whose purpose is to record) it is exit 74.
        static func sayUnsavedState(_ engine: Engine, stateKept: Bool, fatal: Bool) async throws {
            guard stateKept, let problem = await engine.currentSnapshot().stateSaveProblem else { return }
            CommandFailure.printError("the state was not saved: \(problem)")
            if fatal { throw ExitCode(ExitStatus.ioError.rawValue) }
        }


        /// `--jobs-file`: jobs appended by a rollout script join the watch as they appear.
        private func jobsFileTask(engine: Engine, profile: ProfileTarget?, report: @escaping @Sendable (String) -> Void) throws -> Task<Void, Never>? {
            guard let jobsFile, let profile else { return nil }
            let updates = try JobsFileFollower(path: jobsFile).updates(clock: .continuous)
            return Task {
                for await update in updates {
                    switch update {
                    case .jobs(let items):
                        for item in items {
                            if let notice = LoggedPlaceCheck.notice(for: item, profile: profile, place: jobsFile) { report(notice) }
                        }
                        do {
                            try await engine.add(items.map { $0.watchEntry(defaultProfile: profile.name) })
                        } catch {
                            report("\(jobsFile): \(error)")
                        }
                    case .problem(let text), .notice(let text):
                        report(text)
                    }
                }
            }
        }

        private func context(_ session: Session) -> String {
            guard let profile = session.profiles.first(where: { $0.name == session.defaultProfile }) else { return "" }
            // ncurses prints a character the locale cannot encode as "?".
            let dot = LocaleInfo.isUTF8 ? "·" : "-"
            if session.demo != nil { return "demo \(dot) simulator \(profile.endpoint.hostHeader)" }
            return "\(profile.name) \(dot) \(profile.endpoint.host)"
        }
    }
}
