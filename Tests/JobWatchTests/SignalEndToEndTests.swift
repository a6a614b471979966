import Foundation
import JobModel
import JobEngine
import Testing

/// Signals sent to the running dashboard in a real terminal (tmux): whatever ends or suspends
/// it, the terminal's settings afterwards are exactly those before (`stty -a`, taken inside the
/// pane), and the state file it leaves is whole. (`q`/`y` and SIGTERM's alternate screen are
/// covered by DashboardTests.)
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"), .timeLimit(.minutes(3)))
struct SignalEndToEndTests {
    struct Ending: CustomTestStringConvertible, Sendable {
        var signal: Int32
        var name: String
        var testDescription: String { name }
    }

    @Test(arguments: [Ending(signal: SIGINT, name: "SIGINT"), Ending(signal: SIGHUP, name: "SIGHUP")])
    func endingSignalRestoresTheTerminalAndLeavesAWholeStateFile(_ ending: Ending) async throws {
        try await SttyPane.with { pane in
            try await pane.waitForDashboard()
            kill(try await pane.tmux.programPID(), ending.signal)
            let after = try await pane.waitForExit()
            #expect(after.contains("EXIT=\(128 + ending.signal)"), "\(after)")
            try pane.expectTerminalRestored()
            try await pane.expectWholeStateFile()
        }
    }

    /// Ctrl-Z's signal: ncurses leaves the screen while stopped; SIGCONT brings the dashboard
    /// back, still polling and still answering keys.
    @Test func suspendAndContinueRedrawsAndKeepsWorking() async throws {
        try await SttyPane.with { pane in
            try await pane.waitForDashboard()
            let pid = try await pane.tmux.programPID()
            kill(pid, SIGTSTP)
            #expect(await eventually(timeout: .seconds(10)) { SttyPane.processState(pid) == "T" }, "jobwatch did not stop on SIGTSTP")
            #expect(!(try await pane.tmux.alternateScreenIsOn()), "the terminal is handed back while stopped")

            kill(pid, SIGCONT)
            let back = try await pane.waitForDashboard()
            #expect(try await pane.tmux.alternateScreenIsOn(), "\(back)")
            // Still working: the help overlay opens and closes, the clock in the header moves.
            try await pane.tmux.press("?")
            try await pane.tmux.waitForScreen("the help overlay") { $0.lowercased().contains("help") && $0 != back }
            try await pane.tmux.press("Escape")
            try await pane.waitForDashboard()
            try await pane.tmux.press("q")
            try await pane.tmux.waitForScreen("the quit question") { $0.contains("quit? y/n") }
            try await pane.tmux.press("y")
            let after = try await pane.waitForExit()
            #expect(after.contains("EXIT=0"), "\(after)")
            try pane.expectTerminalRestored()
            try await pane.expectWholeStateFile()
        }
    }

    /// Twenty resizes in a burst, each with its SIGWINCH, and twenty bare SIGWINCHes: the
    /// dashboard settles at the last size with every line inside it, and quits cleanly.
    @Test func burstOfResizesSettlesAndQuitsCleanly() async throws {
        try await SttyPane.with { pane in
            try await pane.waitForDashboard()
            let pid = try await pane.tmux.programPID()
            let sizes = [(100, 30), (140, 45), (80, 24), (160, 50), (60, 20)]
            for index in 0..<20 {
                let (width, height) = sizes[index % sizes.count]
                try await pane.tmux.resize(width: width, height: height)
                kill(pid, SIGWINCH)
            }
            try await pane.tmux.resize(width: 90, height: 28)
            let settled = try await pane.tmux.waitForScreen("the dashboard at 90x28") { screen in
                let lines = ScreenText.lines(screen)
                return screen.hasPrefix("jobwatch demo") && lines.count <= 28
                    && lines.allSatisfy { ScreenText.width($0) <= 90 } && screen.contains("q quit")
            }
            #expect(ScreenText.lines(settled).count <= 28, "\(settled)")
            #expect(SttyPane.processState(pid) != nil, "jobwatch is still running")
            try await pane.tmux.press("q")
            try await pane.tmux.waitForScreen("the quit question") { $0.contains("quit? y/n") }
            try await pane.tmux.press("y")
            let after = try await pane.waitForExit()
            #expect(after.contains("EXIT=0"), "\(after)")
            try pane.expectTerminalRestored()
            try await pane.expectWholeStateFile()
        }
    }
}

// MARK: - A pane that records the terminal's settings around jobwatch

/// `jobwatch --demo` in a tmux pane whose shell saves `stty -a` before and after it runs.
/// (DashboardSession runs the same dashboard, but without the `stty` records.)
struct SttyPane {
    let tmux: TmuxSession
    let scratch: Scratch

    var before: String { scratch.file("stty-before.txt") }
    var after: String { scratch.file("stty-after.txt") }
    var stateFile: String { scratch.file("state.db") }

    static func with(_ body: (SttyPane) async throws -> Void) async throws {
        let scratch = try Scratch()
        let binary = try JobwatchBinary.require()
        var variables = scratch.environment
        variables["TERM"] = nil
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuoted($0.value))" }
        let jobwatch = (["env", "-i", "TERM=\"$TERM\""] + assignments + [shellQuoted(binary), "--demo", "--speed", "10", "--state-file", shellQuoted(scratch.file("state.db"))])
            .joined(separator: " ")
        let command = [
            "cd \(shellQuoted(JobwatchBinary.packageRoot))",
            "stty -a > \(shellQuoted(scratch.file("stty-before.txt")))",
            jobwatch,
            "status=$?",
            "stty -a > \(shellQuoted(scratch.file("stty-after.txt")))",
            "echo EXIT=$status",
            "sleep 120",
        ].joined(separator: "; ")
        let pane = SttyPane(tmux: try await TmuxSession(command: command, width: 120, height: 40), scratch: scratch)
        let result: Result<Void, any Error>
        do {
            try await body(pane)
            result = .success(())
        } catch {
            result = .failure(error)
        }
        await pane.tmux.kill()
        scratch.remove()
        try result.get()
    }

    @discardableResult
    func waitForDashboard() async throws -> String {
        try await tmux.waitForScreen("the dashboard") { screen in
            screen.hasPrefix("jobwatch demo") && screen.contains("create servers")
        }
    }

    func waitForExit(timeout: Duration = .seconds(30)) async throws -> String {
        try await tmux.waitForScreen("the shell after jobwatch", timeout: timeout) { $0.contains("EXIT=") }
    }

    /// `stty -a` after equals `stty -a` before, but for the window size (the test resizes).
    func expectTerminalRestored() throws {
        let saved = try String(contentsOfFile: before, encoding: .utf8)
        let restored = try String(contentsOfFile: after, encoding: .utf8)
        #expect(!saved.isEmpty)
        #expect(Self.settings(saved) == Self.settings(restored), "stty before:\n\(saved)\nafter:\n\(restored)")
        #expect(restored.contains(" icanon") && restored.contains(" echo "), "cooked mode with echo\n\(restored)")
    }

    /// The state database opens as it is (nothing damaged, nothing moved aside), with the demo's
    /// twelve jobs (six bare-metal, six of other services) on the dashboards' watch list.
    func expectWholeStateFile() async throws {
        #expect(FileManager.default.fileExists(atPath: stateFile), "no state database at \(stateFile)")
        let database = StateDatabase(path: stateFile)
        let file: StateFile
        do {
            file = try await database.load(.watched).file
        } catch {
            await database.close()
            throw error
        }
        let notices = await database.notices
        await database.close()
        #expect(notices.isEmpty, "\(notices)")
        #expect(file.jobs.count == 16, "\(file.jobs.count) jobs in the state database")
    }

    /// The settings of `stty -a` without `rows N; columns M;`.
    static func settings(_ text: String) -> String {
        text.replacing(/rows \d+; columns \d+;/, with: "")
    }

    /// The one-letter state of a process (`R`, `S`, `T` …) from /proc, `nil` once it is gone.
    static func processState(_ pid: Int32) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ").first.map(String.init)
    }
}
