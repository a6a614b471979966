import Foundation

/// A detached tmux server of its own (`tmux -L jw-<uuid>`) running one command in a pane of
/// a known size, so a test can type keys and read the screen. `kill()` ends only this server.
struct TmuxSession: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let socket = "jw-\(UUID().uuidString.prefix(12))"

    /// - Parameter command: shell text run in the pane (by tmux's default shell).
    init(command: String, width: Int = 120, height: Int = 40) async throws {
        do {
            _ = try await tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", command])
        } catch {
            await kill()
            throw error
        }
    }

    /// Runs `tmux -L <socket> …` and returns its standard output.
    @discardableResult
    func tmux(_ arguments: [String]) async throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["LANG"] = "C.UTF-8"
        let child = try ChildProcess(executable: Self.tmuxPath, arguments: ["-L", socket] + arguments, environment: environment)
        guard let termination = await child.waitForExit(timeout: .seconds(10)) else {
            throw Failure(description: "tmux did not answer within 10 s\n\(child.transcript)")
        }
        guard termination == .exited(0) else {
            throw Failure(description: "tmux failed (\(termination))\n\(child.transcript)")
        }
        return child.stdout
    }

    /// The visible screen as text, one line per row (trailing spaces trimmed).
    func screen() async throws -> String {
        try await tmux(["capture-pane", "-p"])
    }

    /// The screen with SGR attribute sequences (colours, bold…).
    func screenWithAttributes() async throws -> String {
        try await tmux(["capture-pane", "-p", "-e"])
    }

    /// The screen with rows that wrapped joined back into one line.
    func joinedScreen() async throws -> String {
        try await tmux(["capture-pane", "-p", "-J"])
    }

    /// Keys by tmux name (`Enter`, `Down`) or single characters.
    func press(_ keys: String...) async throws {
        try await tmux(["send-keys"] + keys)
    }

    /// Literal text, typed character by character.
    func type(_ text: String) async throws {
        try await tmux(["send-keys", "-l", text])
    }

    func resize(width: Int, height: Int) async throws {
        try await tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Whether the pane shows the alternate screen (a full-screen program still owns it).
    func alternateScreenIsOn() async throws -> Bool {
        try await tmux(["display", "-p", "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// The pid of the pane's child (the program the pane's shell started).
    func programPID() async throws -> Int32 {
        let shell = try await tmux(["list-panes", "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C"
        let pgrep = try ChildProcess(executable: "/usr/bin/env", arguments: ["pgrep", "-P", shell], environment: environment)
        _ = await pgrep.waitForExit(timeout: .seconds(5))
        guard let pid = pgrep.stdout.split(separator: "\n").compactMap({ Int32($0) }).first else {
            throw Failure(description: "no child of the pane's shell \(shell)\n\(pgrep.transcript)\n\(try await screen())")
        }
        return pid
    }

    /// Polls the screen until `condition` holds; throws with the last screen after `timeout`.
    @discardableResult
    func waitForScreen(_ what: String, timeout: Duration = .seconds(20), _ condition: @escaping @Sendable (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            let text = try await screen()
            if condition(text) { return text }
            if ContinuousClock.now >= deadline {
                throw Failure(description: "waited \(timeout) for \(what); the screen was:\n\(text)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Ends this tmux server and everything in it, and removes its socket (which tmux leaves).
    func kill() async {
        let socketPath = try? await tmux(["display", "-p", "#{socket_path}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try? await tmux(["kill-server"])
        if let socketPath, socketPath.hasSuffix("/\(socket)") {
            try? FileManager.default.removeItem(atPath: socketPath)
        }
    }

    static let tmuxPath = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first(where: FileManager.default.isExecutableFile(atPath:)) ?? "/usr/bin/tmux"

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: tmuxPath) }
}

/// Single-quotes text for the shell.
func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
