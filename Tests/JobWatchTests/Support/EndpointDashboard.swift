import Foundation

/// The dashboard of a real endpoint (not the demo's own simulator) in a tmux pane, with the
/// scratch folder's clean environment: several of them can share one state database. When
/// jobwatch ends, the pane's shell prints `EXIT=<status>` and stays.
struct EndpointDashboard {
    let tmux: TmuxSession

    static func start(_ arguments: [String], scratch: Scratch, width: Int = 160, height: Int = 50) async throws -> EndpointDashboard {
        let binary = try JobwatchBinary.require()
        var variables = scratch.environment
        variables["TERM"] = nil
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuoted($0.value))" }
        let words = ["env", "-i", "TERM=\"$TERM\""] + assignments + [shellQuoted(binary)] + arguments.map(shellQuoted)
        let command = "cd \(shellQuoted(scratch.path)) && \(words.joined(separator: " ")); echo EXIT=$?; sleep 120"
        return EndpointDashboard(tmux: try await TmuxSession(command: command, width: width, height: height))
    }

    /// The header's count of jobs (`jobs 6: …`), `nil` before the first frame.
    static func jobCount(_ screen: String) -> Int? {
        guard let first = ScreenText.lines(screen).first, let match = first.firstMatch(of: /jobs (\d+):/) else { return nil }
        return Int(match.output.1)
    }

    /// Waits until the header counts `count` jobs.
    @discardableResult
    func waitForJobs(_ count: Int, timeout: Duration = .seconds(20)) async throws -> String {
        try await tmux.waitForScreen("a dashboard of \(count) jobs", timeout: timeout) { Self.jobCount($0) == count }
    }

    /// `q`, and `y` to the question jobs still running ask; returns the shell's screen after.
    func quit() async throws -> String {
        try await tmux.press("q")
        try await tmux.waitForScreen("the quit question") { $0.contains("quit? y/n") }
        try await tmux.press("y")
        return try await tmux.waitForScreen("the shell after jobwatch", timeout: .seconds(15)) { $0.contains("EXIT=") }
    }

    /// Ends the tmux server and waits for jobwatch to go (it saves as it leaves).
    func end() async {
        let program = try? await tmux.programPID()
        await tmux.kill()
        if let program {
            _ = await eventually(timeout: .seconds(5)) { kill(program, 0) != 0 }
        }
    }
}
