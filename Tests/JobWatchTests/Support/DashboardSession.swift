import Foundation

/// The dashboard (`jobwatch --demo …`) in a tmux pane of its own, with a clean environment and
/// a private state file. When jobwatch ends, the pane's shell prints `EXIT=<status>` and stays.
struct DashboardSession {
    let tmux: TmuxSession
    let scratch: Scratch

    /// - Parameter environment: extra variables for jobwatch (`LANG=C`, `NO_COLOR=1`).
    /// - Parameter term: a TERM of the test's instead of the pane's own.
    static func start(arguments: [String] = ["--speed", "10"], environment: [String: String] = [:], term: String? = nil, width: Int = 120, height: Int = 40) async throws -> DashboardSession {
        let scratch = try Scratch()
        let binary = try JobwatchBinary.require()
        var variables = scratch.environment(withExtra: environment)
        variables["TERM"] = nil
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuoted($0.value))" }
        // TERM is the pane's own (tmux's default-terminal); everything else is ours alone.
        let words = ["env", "-i", term.map { "TERM=\(shellQuoted($0))" } ?? "TERM=\"$TERM\""] + assignments + [shellQuoted(binary), "--demo"]
            + arguments.map(shellQuoted) + ["--state-file", shellQuoted(scratch.file("state.json"))]
        let command = "cd \(shellQuoted(JobwatchBinary.packageRoot)) && \(words.joined(separator: " ")); echo EXIT=$?; sleep 120"
        let tmux = try await TmuxSession(command: command, width: width, height: height)
        return DashboardSession(tmux: tmux, scratch: scratch)
    }

    /// Runs `body` with a fresh dashboard, and always ends its tmux server afterwards.
    static func with(arguments: [String] = ["--speed", "10"], environment: [String: String] = [:], _ body: (DashboardSession) async throws -> Void) async throws {
        let session = try await start(arguments: arguments, environment: environment)
        do {
            try await body(session)
        } catch {
            await session.end()
            throw error
        }
        await session.end()
    }

    /// Waits for the first full frame: header, the tree's first rows, the key line.
    @discardableResult
    func waitForDashboard() async throws -> String {
        try await tmux.waitForScreen("the dashboard") { screen in
            screen.hasPrefix("jobwatch demo") && screen.contains("create servers") && screen.contains("power servers")
        }
    }

    /// The tree's rows: from the fourth screen line to the key line or the details pane (below
    /// the tree in a tall window), left of the details pane (beside it in a wide one).
    static func treeRows(_ screen: String) -> [String] {
        let lines = ScreenText.lines(screen)
        guard lines.count > 4 else { return [] }
        let below = lines[3...].firstIndex { $0.hasPrefix("─ details") || $0.hasPrefix("- details") } ?? (lines.count - 1)
        return lines[3..<below].map { line in
            String(line.split(separator: "│", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
    }

    /// Ends the tmux server, waits for jobwatch to go (it saves its state as it leaves), then
    /// removes the scratch folder.
    func end() async {
        let program = try? await tmux.programPID()
        await tmux.kill()
        if let program {
            _ = await eventually(timeout: .seconds(5)) { kill(program, 0) != 0 }
        }
        scratch.remove()
    }
}
