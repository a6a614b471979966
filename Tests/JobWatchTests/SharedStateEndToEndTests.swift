import Foundation
import JobEngine
import JobModel
import Testing

/// Several jobwatch processes of the built binary side by side, on one state database and one
/// simulator on loopback: one of them polls, the others read its answers; a dead poller's
/// lease is taken over; dashboards share their watch list.
///
/// Serialized: the request counts compare windows of real time, which the suite's own other
/// processes would load.
@Suite("Shared state end to end", .serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"), .timeLimit(.minutes(3)))
struct SharedStateEndToEndTests {
    /// Three windows on the same jobs (a dashboard, a `wait`, a `--plain` stream) ask the
    /// simulator what one window alone does. Both runs count the same fixed window of real
    /// time after the first window started, on the same job IDs at a fresh simulator, so the
    /// jobs are as old and as far along in both.
    @Test func threeWindowsCostWhatOneDoes() async throws {
        let ids = SharedStateRig.jobIDs(16)
        let alone = try await SharedStateRig.with { rig in try await Self.requestsInWindow(rig, ids: ids, windows: 1) }
        let together = try await SharedStateRig.with { rig in try await Self.requestsInWindow(rig, ids: ids, windows: 3) }
        let perJob = { (count: Int) in String(format: "%.2f", Double(count) / Double(ids.count) / Self.window.seconds) }
        let figures = "one window: \(alone) requests (\(perJob(alone))/job/s), three: \(together) (\(perJob(together))/job/s)"
        // Every job asked a few times in the window, or the comparison says nothing.
        #expect(alone >= 3 * ids.count, "\(figures)")
        // Without sharing it would be about three times as many.
        #expect(together <= alone * 11 / 10 + ids.count, "\(figures)")
        print("SharedState figures: \(figures)")
    }

    /// When the window counted begins after the first window started (all have started by then).
    static let settle = Duration.seconds(10)
    static let window = Duration.seconds(20)

    /// Starts the dashboard (and with 3 windows a `wait` and a `--plain` stream at once), then
    /// counts the simulator's requests for `ids` over `window` from `settle` after the start.
    static func requestsInWindow(_ rig: SharedStateRig, ids: [String], windows: Int) async throws -> Int {
        let start = ContinuousClock.now
        let dashboard = try await rig.dashboard(ids)
        var streams: [ChildProcess] = []
        do {
            if windows == 3 {
                streams.append(try rig.runner.start(rig.arguments(["wait"] + ids + ["--timeout", "2m"])))
                streams.append(try rig.runner.start(rig.arguments(["--plain"] + ids)))
            }
            try await dashboard.waitForJobs(ids.count)
            for stream in streams {
                let said = await stream.waitForOutput(timeout: .seconds(20)) { saidEveryJob($0, ids) }
                #expect(said, "each window says every job's state\n\(stream.transcript)")
            }
            // Sleeps that measure: the count is over a fixed window of real time.
            let from = max(ContinuousClock.now, start + settle)
            try await Task.sleep(until: from)
            let before = await rig.requests(for: ids)
            try await Task.sleep(until: from + window)
            let after = await rig.requests(for: ids)
            for stream in streams { #expect(stream.isRunning, "\(stream.transcript)") }
            for stream in streams { stream.stop() }
            await dashboard.end()
            return after - before
        } catch {
            for stream in streams { stream.stop() }
            await dashboard.end()
            throw error
        }
    }

    /// Two streams on the same jobs: the one that polls is killed (SIGKILL: no word, its lease
    /// stays until it expires); the other takes the lease over and the jobs are asked again
    /// within 10 s.
    @Test func aSurvivorTakesOverFromAKilledPoller() async throws {
        try await SharedStateRig.with { rig in
            let ids = SharedStateRig.jobIDs(12)
            let logs = [rig.scratch.file("first.log"), rig.scratch.file("second.log")]
            let streams = try logs.map { try rig.runner.start(rig.arguments(["--plain"] + ids + ["--log-file", $0])) }
            defer { for stream in streams { stream.stop() } }
            for stream in streams {
                let said = await stream.waitForOutput(timeout: .seconds(20)) { Self.saidEveryJob($0, ids) }
                #expect(said, "each stream says every job's state\n\(stream.transcript)")
            }
            // The reader says so in its log; the other polls.
            #expect(await eventually(timeout: .seconds(15)) { Self.reads(logs[0]) != Self.reads(logs[1]) }, "one stream reads, the other polls\n\(streams[0].transcript)\n\(streams[1].transcript)")
            let poller = Self.reads(logs[0]) ? 1 : 0, survivor = 1 - poller

            // The poller is polling.
            let polled = await rig.requests(for: ids)
            #expect(await eventually(timeout: .seconds(15)) { await rig.requests(for: ids) >= polled + ids.count }, "the jobs are polled")

            streams[poller].send(SIGKILL)
            let killed = ContinuousClock.now
            let atKill = await rig.requests(for: ids)
            #expect(await streams[poller].waitForExit(timeout: .seconds(5)) == .signalled(SIGKILL))
            // Up to 4 requests (an endpoint's concurrency) may have been on their way from the
            // killed process; more are the survivor's.
            let resumed = await eventually(timeout: .seconds(30)) { await rig.requests(for: ids) > atKill + 4 }
            let took = ContinuousClock.now - killed
            #expect(resumed, "nobody polls after the poller was killed\n\(streams[survivor].transcript)")
            // The lease (6 s) runs out and the survivor's next round (2 s) takes it: 8 s by
            // design; the margin is for a loaded machine.
            #expect(took <= .seconds(15), "the jobs were asked again \(took) after the kill")
            let log = (try? String(contentsOfFile: logs[survivor], encoding: .utf8)) ?? ""
            #expect(log.contains("polling shared polls=[\""), "the survivor says it polls now\n\(log)")
            #expect(streams[survivor].isRunning, "\(streams[survivor].transcript)")
            print("SharedState figures: the jobs were asked again \(Self.text(took)) after the poller's SIGKILL")
        }
    }

    /// Two dashboards on one state, each started with three jobs of its own: each shows the
    /// other's, a job added with `a` in one shows in the other, one removed with `d` in one
    /// leaves the other; quit, the database holds every job either added (no last writer wins).
    @Test func dashboardsShareTheirWatchList() async throws {
        try await SharedStateRig.with { rig in
            let mine = SharedStateRig.jobIDs(4), theirs = SharedStateRig.jobIDs(4), passing = SharedStateRig.jobIDs(1)[0]
            var opened: [EndpointDashboard] = []
            do {
                let first = try await rig.dashboard(Array(mine.prefix(3)))
                opened.append(first)
                try await first.waitForJobs(3)
                let second = try await rig.dashboard(Array(theirs.prefix(3)))
                opened.append(second)
                try await second.waitForJobs(6)
                try await first.waitForJobs(6)

                try await Self.add(mine[3], in: first)
                var took = [try await Self.expectShown(mine[3], count: 7, in: second)]
                try await Self.add(theirs[3], in: second)
                took.append(try await Self.expectShown(theirs[3], count: 8, in: first))

                try await Self.add(passing, in: first)
                took.append(try await Self.expectShown(passing, count: 9, in: second))
                try await Self.remove(passing, in: second)
                let removed = ContinuousClock.now
                // The header and the rows in one frame: a screen read while the frame is being
                // written may have the new header above the old rows.
                let gone = try await first.tmux.waitForScreen("\(passing) gone", timeout: .seconds(30)) { screen in
                    EndpointDashboard.jobCount(screen) == 8 && !screen.contains(Self.shortID(passing))
                }
                took.append(ContinuousClock.now - removed)
                #expect(!gone.contains(Self.shortID(passing)), "\(gone)")
                print("SharedState figures: shown in the other dashboard after \(took.map(Self.text).joined(separator: ", ")) (3 adds, 1 removal)")

                for dashboard in [first, second] {
                    let after = try await dashboard.quit()
                    #expect(after.contains("EXIT=0"), "\(after)")
                }
            } catch {
                for dashboard in opened { await dashboard.end() }
                throw error
            }
            for dashboard in opened { await dashboard.end() }

            let database = StateDatabase(path: rig.stateFile)
            let loaded = try await database.load(.watched)
            await database.close()
            #expect(Set(loaded.watched.map(\.jobID)) == Set(mine + theirs), "\(loaded.watched.map(\.jobID).sorted())")
        }
    }

    /// A `wait` beside a dashboard on the same jobs reads the dashboard's answers: it sends
    /// (nearly) nothing while the dashboard polls. The wait goes through a counting tunnel, so
    /// its requests are told from the dashboard's; the same wait without the state shows the
    /// tunnel counts.
    @Test func aWaitBesideADashboardReadsItsAnswers() async throws {
        try await SharedStateRig.with { rig in
            let ids = SharedStateRig.jobIDs(8)
            let tunnel = try await CountingTunnel.start()
            defer { tunnel.stop() }
            let dashboard = try await rig.dashboard(ids)
            do {
                try await dashboard.waitForJobs(ids.count)
                let read = await eventually(timeout: .seconds(15)) {
                    for id in ids {
                        if await rig.simulator.requestCount(jobID: id) == 0 { return false }
                    }
                    return true
                }
                #expect(read, "the dashboard asked every job")
                let saved = await eventually(timeout: .seconds(15)) { (try? await rig.savedAnswers(for: ids)) == ids.count }
                #expect(saved, "the dashboard saved every job's answer")

                let before = await rig.requests(for: ids)
                let beside = try await rig.runner.run(rig.arguments(["wait"] + ids + ["--timeout", "8s"]), environment: tunnel.environment, timeout: .seconds(30))
                let polledMeanwhile = await rig.requests(for: ids) - before
                #expect(beside.exitCode == 2, "the jobs run for minutes: timed out\n\(beside)")
                // It starts from the dashboard's answers, said as its own first reads (seen → RUNNING).
                #expect(ids.allSatisfy { id in beside.stdout.split(separator: "\n").contains { $0.contains(id) && $0.contains("seen") } }, "\(beside)")
                #expect(!beside.stdout.contains("UNREADABLE"), "\(beside)")
                #expect(tunnel.requests <= ids.count / 2, "the wait asked \(tunnel.requests) times beside the dashboard\n\(beside)")
                #expect(polledMeanwhile >= ids.count, "the dashboard polled meanwhile: \(polledMeanwhile)")
                let besideRequests = tunnel.requests

                let apart = try await rig.runner.run(rig.arguments(["wait", "--no-state"] + ids + ["--timeout", "20s"]), environment: tunnel.environment, timeout: .seconds(40))
                #expect(apart.exitCode == 2, "\(apart)")
                #expect(tunnel.requests - besideRequests >= ids.count, "alone, the wait asks every job through the tunnel")
                #expect(tunnel.refusals.isEmpty, "\(tunnel.refusals)")
                print("SharedState figures: a wait beside the dashboard sent \(besideRequests) requests; alone (--no-state) \(tunnel.requests - besideRequests)")
            } catch {
                await dashboard.end()
                throw error
            }
            await dashboard.end()
        }
    }

    // MARK: - Helpers

    /// A stream (or `wait`) said each job's state: first seen, or as known from the state.
    static func saidEveryJob(_ output: String, _ ids: [String]) -> Bool {
        let lines = output.split(separator: "\n")
        return ids.allSatisfy { id in
            lines.contains { $0.contains(" \(id)  ") && ($0.contains("  seen → ") || $0.contains("from the state file")) }
        }
    }

    /// The log says this process reads another's answers (`polling shared … reads=["…"]`).
    static func reads(_ log: String) -> Bool {
        ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("reads=[\"")
    }

    static func text(_ duration: Duration) -> String { String(format: "%.1f s", duration.seconds) }

    /// How a tree row shows a job ID.
    static func shortID(_ id: String) -> String { "\(id.prefix(4))…\(id.suffix(4))" }

    static func add(_ id: String, in dashboard: EndpointDashboard) async throws {
        try await dashboard.tmux.press("a")
        try await dashboard.tmux.waitForScreen("the add prompt") { ScreenText.lines($0).last?.hasPrefix("add job ID:") == true }
        try await dashboard.tmux.type(id)
        try await dashboard.tmux.press("Enter")
        try await dashboard.tmux.waitForScreen("\(id) added") { $0.contains("added \(id)") && $0.contains(shortID(id)) }
    }

    static func remove(_ id: String, in dashboard: EndpointDashboard) async throws {
        try await dashboard.tmux.press("/")
        try await dashboard.tmux.type(id)
        try await dashboard.tmux.press("Enter")
        try await dashboard.tmux.waitForScreen("the search's match") { $0.contains("match 1/") }
        try await dashboard.tmux.press("d")
        try await dashboard.tmux.waitForScreen("the remove question") { $0.contains("remove ") && $0.contains("\(id)? y/n") }
        try await dashboard.tmux.press("y")
        try await dashboard.tmux.waitForScreen("\(id) removed") { $0.contains("removed \(id) from the watch") }
    }

    /// Another window's change shows within a few seconds; returns how long it took.
    @discardableResult
    static func expectShown(_ id: String, count: Int, in dashboard: EndpointDashboard) async throws -> Duration {
        let asked = ContinuousClock.now
        let screen = try await dashboard.waitForJobs(count, timeout: .seconds(30))
        #expect(screen.contains(shortID(id)), "\(screen)")
        return ContinuousClock.now - asked
    }
}
