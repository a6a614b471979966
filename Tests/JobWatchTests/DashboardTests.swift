import Foundation
import Testing

/// The ncurses dashboard in a real terminal (tmux), driven by keys as a user would.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct DashboardTests {
    @Test func showsTheTreeInColourAndAFailedSubJobsReason() async throws {
        try await DashboardSession.with { dashboard in
            let first = try await dashboard.waitForDashboard()
            #expect(ScreenText.containsColour(try await dashboard.tmux.screenWithAttributes()), "no colour\n\(first)")

            // The first row (the create batch) is selected: unfold it (`l` unfolds; Enter would
            // toggle), then walk down to its first failed sub-job; the details show the reason.
            try await dashboard.tmux.press("l")
            let unfolded = try await dashboard.tmux.waitForScreen("the batch's sub-jobs") { screen in
                DashboardSession.treeRows(screen).contains { $0.contains("create server ") && $0.contains("FAIL") }
            }
            let rows = DashboardSession.treeRows(unfolded)
            let failedRow = try #require(rows.firstIndex { $0.contains("create server ") && $0.contains("FAIL") }, "\(unfolded)")
            for _ in 0..<failedRow { try await dashboard.tmux.press("j") }
            let details = try await dashboard.tmux.waitForScreen("the failed sub-job's details") { screen in
                screen.contains("sub-job    ") && screen.contains("reason     Quota exceeded for instances")
            }
            #expect(details.contains("status     FAIL"), "\(details)")
        }
    }

    /// The demo's mixed morning: ECS and CCE jobs beside the BMS ones, each tagged; the CCE
    /// node job's sub-jobs nest under their node, and the service filter keeps only CCE.
    @Test func showsECSAndCCEJobsAndFiltersByService() async throws {
        try await DashboardSession.with(arguments: ["--speed", "10"], environment: [:]) { dashboard in
            try await dashboard.waitForDashboard()
            // The failed BMS batch starts unfolded and fills the screen: fold it.
            try await dashboard.tmux.press("h")
            let screen = try await dashboard.tmux.waitForScreen("ECS and CCE rows") { screen in
                let rows = DashboardSession.treeRows(screen)
                return rows.contains { $0.contains("ECS create servers") } && rows.contains { $0.contains("CCE create node") }
            }
            #expect(DashboardSession.treeRows(screen).contains { $0.contains("CCE create cluster") }, "\(screen)")
            // all → failed → running → slow → BMS → ECS → EVS → IMS → EIP → CCE
            for _ in 0..<9 { try await dashboard.tmux.press("f") }
            let filtered = try await dashboard.tmux.waitForScreen("filter: CCE") { $0.contains("filter: CCE") }
            // Top-level rows start in the first column with their fold mark; sub-jobs are indented.
            let jobRows = ScreenText.lines(filtered).dropFirst(3).filter { $0.hasPrefix("▸") || $0.hasPrefix("▾") }
            #expect(!jobRows.isEmpty, "\(filtered)")
            #expect(jobRows.allSatisfy { $0.contains("CCE ") }, "only CCE jobs\n\(filtered)")
        }
    }

    @Test func failedFilterShowsOnlyFailedRows() async throws {
        try await DashboardSession.with { dashboard in
            try await dashboard.waitForDashboard()

            try await dashboard.tmux.press("f")
            let filtered = try await dashboard.tmux.waitForScreen("filter: failed") { screen in
                screen.contains("filter: failed") && DashboardSession.treeRows(screen).contains { $0.contains("FAIL") }
            }
            let rows = DashboardSession.treeRows(filtered)
            // Failed sub-jobs, under their batch (shown for context, whatever its status).
            let subJobRows = rows.filter { $0.contains("create server ") }
            #expect(subJobRows.count >= 2, "\(filtered)")
            #expect(subJobRows.allSatisfy { $0.contains("FAIL") }, "\(filtered)")
            #expect(!rows.contains { $0.contains("SUCCESS") || $0.contains("power servers") || $0.contains("attach volume") }, "\(filtered)")
        }
    }

    @Test func searchFindsAFailureReason() async throws {
        try await DashboardSession.with { dashboard in
            try await dashboard.waitForDashboard()

            try await dashboard.tmux.press("/")
            try await dashboard.tmux.type("Quota exceeded")
            try await dashboard.tmux.press("Enter")
            let found = try await dashboard.tmux.waitForScreen("the search's match") { screen in
                screen.contains("match 1/") && screen.contains("reason     Quota exceeded")
            }
            // The match's batch was unfolded to show it.
            #expect(DashboardSession.treeRows(found).contains { $0.contains("create server ") && $0.contains("FAIL") }, "\(found)")
        }
    }

    @Test func resizingKeepsEveryLineInsideTheWindow() async throws {
        try await DashboardSession.with { dashboard in
            try await dashboard.waitForDashboard()

            for (width, height) in [(60, 20), (120, 40), (45, 12)] {
                try await dashboard.tmux.resize(width: width, height: height)
                let screen = try await dashboard.tmux.waitForScreen("a \(width)×\(height) frame") { screen in
                    let lines = ScreenText.lines(screen)
                    return lines.count == height && lines[0].hasPrefix("jobwatch demo") && lines[height - 1].hasPrefix("q quit")
                }
                // Rows that wrapped would be joined here into lines wider than the window.
                let joined = ScreenText.lines(try await dashboard.tmux.joinedScreen())
                #expect(joined.count == height, "\(width)×\(height)\n\(screen)")
                let widest = joined.map(ScreenText.width).max() ?? 0
                #expect(widest <= width, "a line of \(widest) columns in \(width)\n\(screen)")
                #expect(screen.contains("create servers"), "\(screen)")
            }
        }
    }

    @Test func quitAsksWhileJobsRunAndRestoresTheTerminal() async throws {
        try await DashboardSession.with { dashboard in
            try await dashboard.waitForDashboard()
            #expect(try await dashboard.tmux.alternateScreenIsOn())

            try await dashboard.tmux.press("q")
            try await dashboard.tmux.waitForScreen("the quit question") { $0.contains("quit? y/n") }
            try await dashboard.tmux.press("y")
            let after = try await dashboard.tmux.waitForScreen("the shell after jobwatch") { $0.contains("EXIT=") }
            #expect(after.contains("EXIT=0"), "\(after)")
            #expect(!after.contains("jobwatch demo"), "the dashboard is still on screen\n\(after)")
            #expect(!(try await dashboard.tmux.alternateScreenIsOn()), "\(after)")
        }
    }

    @Test func sigtermRestoresTheTerminal() async throws {
        try await DashboardSession.with { dashboard in
            try await dashboard.waitForDashboard()

            let pid = try await dashboard.tmux.programPID()
            kill(pid, SIGTERM)
            let after = try await dashboard.tmux.waitForScreen("the shell after SIGTERM") { $0.contains("EXIT=") }
            // The dashboard ends with 128 + the signal's number.
            #expect(after.contains("EXIT=143"), "\(after)")
            #expect(!(try await dashboard.tmux.alternateScreenIsOn()), "\(after)")
        }
    }

    @Test func asciiLocaleShowsOnlyASCII() async throws {
        try await DashboardSession.with(environment: ["LANG": "C"]) { dashboard in
            let screen = try await dashboard.waitForDashboard()

            #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "\(screen)")
            let header = try #require(ScreenText.lines(screen).first)
            #expect(header.contains("jobs 16: +"), "ASCII status symbols expected\n\(screen)")
            // Nothing of jobwatch's own turns into "?" (what ncurses shows for what C cannot encode).
            #expect(!header.contains(" ? "), "\(screen)")
            // Fold mark (+ or -), then the RUNNING symbol.
            #expect(DashboardSession.treeRows(screen).contains { $0.dropFirst(2).hasPrefix("> BMS create servers") }, "\(screen)")
        }
    }

    @Test func noColorDrawsWithoutColour() async throws {
        try await DashboardSession.with(environment: ["NO_COLOR": "1"]) { dashboard in
            let screen = try await dashboard.waitForDashboard()

            let attributes = try await dashboard.tmux.screenWithAttributes()
            #expect(!ScreenText.containsColour(attributes), "\(attributes)")
            // Still alive and answering keys.
            try await dashboard.tmux.press("f")
            try await dashboard.tmux.waitForScreen("filter: failed") { $0.contains("filter: failed") }
            #expect(screen.contains("create servers"))
        }
    }
}

/// A kitty, alacritty or ghostty user over SSH on a jump host without that terminfo entry.
@Suite("Unknown terminal", .timeLimit(.minutes(2)))
struct UnknownTerminalTests {
    @Test func startsAsXtermAndSaysSoOnce() async throws {
        let session = try await DashboardSession.start(term: "xterm-kitty-nowhere")
        do {
            let screen = try await session.waitForDashboard()
            #expect(screen.contains("no terminfo entry for TERM=xterm-kitty-nowhere"), "\(screen)")
            try await session.tmux.press("q")
            try await session.tmux.press("y")
            let after = try await session.tmux.waitForScreen("the exit") { $0.contains("EXIT=") }
            #expect(after.contains("EXIT=0"), "\(after)")
            // Once more on the shell's screen, after the terminal is restored: one line, not a loop.
            let said = after.components(separatedBy: "no terminfo entry").count - 1
            #expect(said == 1, "\(after)")
        } catch {
            await session.end()
            throw error
        }
        await session.end()
    }
}
