import Foundation
import Testing

/// Pasting into the dashboard, removing a job, and the config's `ui` settings, in tmux.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct DashboardPasteTests {
    /// Two IDs, one a line, with a `d` before any `a` (as keys, it would remove the selected
    /// batch) and an Esc between them (as a key, it would cancel the prompt).
    static let first = "9d41c0b1f2e34a5b6c7d8e9f0a1b2c3d"
    static let second = "d00dfeed0000111122223333444455e5"

    @Test func aPastedIDOpensTheAddPromptAndRemovingAsksFirst() async throws {
        try await DashboardSession.with { dashboard in
            try await dashboard.waitForDashboard()

            try await dashboard.tmux.paste("\(Self.first)\n\u{1B}\(Self.second)\n")
            let prompt = try await dashboard.tmux.waitForScreen("the add prompt with the pasted IDs") { screen in
                ScreenText.lines(screen).last?.hasPrefix("add job ID: \(Self.first) \(Self.second)") == true
            }
            #expect(prompt.contains("create servers"), "\(prompt)")
            try await dashboard.tmux.press("Enter")
            try await dashboard.tmux.waitForScreen("both IDs added") { screen in
                // 16 demo jobs and the 2 pasted (at the tree's end, below the fold of a tall batch).
                screen.contains("added 2 jobs") && screen.contains("jobs 18:")
            }

            // `d` on the selected batch asks; any other key keeps it.
            try await dashboard.tmux.press("g", "d")
            try await dashboard.tmux.waitForScreen("the remove question") { $0.contains("remove create servers ") && $0.contains("? y/n") }
            try await dashboard.tmux.press("n")
            try await dashboard.tmux.waitForScreen("the batch kept") { screen in
                screen.contains("kept ") && DashboardSession.treeRows(screen).contains { $0.contains("create servers") }
            }
            try await dashboard.tmux.press("d")
            try await dashboard.tmux.waitForScreen("the remove question again") { $0.contains("? y/n") }
            try await dashboard.tmux.press("y")
            // The demo's ECS create is also "create servers": the count says the BMS one went.
            try await dashboard.tmux.waitForScreen("the batch gone") { screen in
                screen.contains("from the watch") && screen.contains("jobs 17:")
            }
            try await dashboard.tmux.press("e")
            try await dashboard.tmux.waitForScreen("the removal in the event log") { screen in
                screen.contains("Events, newest first") && screen.contains("create servers") && screen.contains("removed from the watch (d)")
            }
        }
    }

    /// After jobwatch the shell must get pastes as typing again: the tty echoes a paste while
    /// the pane's `sleep` runs, and markers would show as `^[[200~`.
    @Test(arguments: ["quit", "SIGTERM"])
    func bracketedPasteIsOffAfterwards(_ ending: String) async throws {
        try await DashboardSession.with { dashboard in
            try await dashboard.waitForDashboard()
            if ending == "quit" {
                try await dashboard.tmux.press("q")
                try await dashboard.tmux.waitForScreen("the quit question") { $0.contains("quit? y/n") }
                try await dashboard.tmux.press("y")
            } else {
                kill(try await dashboard.tmux.programPID(), SIGTERM)
            }
            try await dashboard.tmux.waitForScreen("the shell after jobwatch") { $0.contains("EXIT=") }
            try await dashboard.tmux.paste("pasted-after-exit")
            let after = try await dashboard.tmux.waitForScreen("the paste echoed") { $0.contains("pasted-after-exit") }
            #expect(!after.contains("200~") && !after.contains("201~"), "\(after)")
        }
    }

    /// Stopped (Ctrl-Z's signal), the shell gets pastes as typing; continued, pastes are
    /// pastes again.
    @Test func bracketedPasteIsOffWhileSuspended() async throws {
        try await DashboardSession.with { dashboard in
            try await dashboard.waitForDashboard()
            let pid = try await dashboard.tmux.programPID()
            kill(pid, SIGTSTP)
            #expect(await eventually(timeout: .seconds(10)) { Self.processState(pid) == "T" }, "jobwatch did not stop on SIGTSTP")
            // Digits: harmless as keys when jobwatch reads them after SIGCONT.
            try await dashboard.tmux.paste("0123456789")
            let stopped = try await dashboard.tmux.waitForScreen("the paste echoed") { $0.contains("0123456789") }
            #expect(!stopped.contains("200~") && !stopped.contains("201~"), "\(stopped)")

            kill(pid, SIGCONT)
            try await dashboard.waitForDashboard()
            try await dashboard.tmux.paste(Self.first)
            try await dashboard.tmux.waitForScreen("the add prompt after SIGCONT") { screen in
                ScreenText.lines(screen).last?.hasPrefix("add job ID: \(Self.first)") == true
            }
        }
    }

    /// A paste whose end marker was lost must not swallow the keyboard for good: once it has
    /// been open a while, the next key ends it (and the keys after that are keys again).
    @Test func aPasteWithoutItsEndMarkerEnds() async throws {
        try await DashboardSession.with { dashboard in
            try await dashboard.waitForDashboard()
            // ESC [ 2 0 0 ~ then text, and no ESC [ 2 0 1 ~.
            try await dashboard.tmux.tmux(["send-keys", "-H", "1b", "5b", "32", "30", "30", "7e", "39", "64", "34", "31"])
            let deadline = ContinuousClock.now + .seconds(15)
            var screen = try await dashboard.tmux.screen()
            while ScreenText.lines(screen).last?.hasPrefix("add job ID: 9d41") != true, ContinuousClock.now < deadline {
                try await dashboard.tmux.press("0")  // swallowed into the paste until it ends
                try await Task.sleep(for: .milliseconds(200))
                screen = try await dashboard.tmux.screen()
            }
            #expect(ScreenText.lines(screen).last?.hasPrefix("add job ID: 9d41") == true, "\(screen)")
            try await dashboard.tmux.press("Escape")
            try await dashboard.tmux.waitForScreen("the prompt closed by a key") { screen in
                ScreenText.lines(screen).last?.hasPrefix("q quit") == true
            }
        }
    }

    @Test func configUISettingsTakeEffect() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let config = scratch.file("config.json")
        try #"{"ui": {"color": "always", "expand_failed": false}}"#.write(toFile: config, atomically: true, encoding: .utf8)
        // An explicit `always` wins over NO_COLOR (no-color.org).
        let dashboard = try await DashboardSession.start(arguments: ["--speed", "10", "--config", config], environment: ["NO_COLOR": "1"], width: 120, height: 24)
        do {
            let screen = try await dashboard.tmux.waitForScreen("a failed sub-job in the header") { screen in
                screen.hasPrefix("jobwatch demo") && screen.contains("create servers") && screen.firstMatch(of: /sub-jobs \d+: \S+ ✖[1-9]/) != nil
            }
            #expect(ScreenText.containsColour(try await dashboard.tmux.screenWithAttributes()), "no colour\n\(screen)")
            // expand_failed false: the batch with failed sub-jobs stays folded.
            let rows = DashboardSession.treeRows(screen)
            #expect(rows.contains { $0.hasPrefix("▸ ") && $0.contains("create servers") }, "\(screen)")
            #expect(!rows.contains { $0.contains("create server ") && $0.contains("FAIL") }, "\(screen)")
            // 24 rows: the detail pane starts closed, so the tree has every row above the footer.
            #expect(!screen.contains("─ details"), "\(screen)")
            try await dashboard.tmux.press("i")
            try await dashboard.tmux.waitForScreen("the detail pane after i") { $0.contains("─ details") }
        } catch {
            await dashboard.end()
            throw error
        }
        await dashboard.end()
    }

    /// The one-letter state of a process (`T`: stopped) from /proc.
    private static func processState(_ pid: Int32) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ").first.map(String.init)
    }
}
