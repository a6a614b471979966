import Foundation
import Testing

/// A dashboard started where the terminal is not its own: in the background of an interactive
/// shell it stops until `fg` (as vim and htop do) instead of drawing over the shell; where no
/// job control can hand the terminal over, it says so in one line, saves the state, exits 74.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"), .timeLimit(.minutes(2)))
struct TerminalOwnershipTests {
    static func jobwatchWords(_ scratch: Scratch) throws -> String {
        var variables = scratch.environment
        variables["TERM"] = nil
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuoted($0.value))" }
        return (["env", "-i", "TERM=\"$TERM\""] + assignments + [shellQuoted(try JobwatchBinary.require()), "--demo", "--state-file", shellQuoted(scratch.file("state.json"))])
            .joined(separator: " ")
    }

    @Test func withoutTheTerminalItSaysSoAndSavesTheState() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // setsid: a session of its own, whose reads of this pane would all fail with EIO.
        let tmux = try await TmuxSession(command: "setsid -w \(try Self.jobwatchWords(scratch)); echo EXIT=$?; sleep 60", width: 150, height: 30)
        do {
            let screen = try await tmux.waitForScreen("the exit") { $0.contains("EXIT=") }
            #expect(screen.contains("EXIT=74"), "\(screen)")
            #expect(screen.contains("jobwatch: the terminal belongs to another process group"), "\(screen)")
            #expect(!screen.contains("create servers"), "it must not draw:\n\(screen)")
            #expect(FileManager.default.fileExists(atPath: scratch.file("state.json")), "the state is saved")
        } catch {
            await tmux.kill()
            throw error
        }
        await tmux.kill()
    }

    @Test func inTheBackgroundItStopsUntilForeground() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let tmux = try await TmuxSession(command: "env -i PATH=/usr/bin:/bin TERM=\"$TERM\" PS1='$ ' bash --norc --noprofile -i", width: 150, height: 30)
        do {
            try await tmux.type("\(try Self.jobwatchWords(scratch)) &")
            try await tmux.press("Enter")
            // Its own notice first: on a loaded machine it may stop only after a fixed sleep,
            // and bash says "Stopped" only at the next `jobs` after that.
            _ = try await tmux.waitForScreen("jobwatch's notice that it stopped", timeout: .seconds(30)) { $0.contains("stopped until fg brings it back") }
            try await tmux.type("jobs -l")
            try await tmux.press("Enter")
            let stopped = try await tmux.waitForScreen("the job stopped") { $0.contains("Stopped") }
            #expect(!stopped.contains("create servers"), "a background dashboard must not draw over the shell:\n\(stopped)")
            #expect(stopped.contains("stopped until fg brings it back"), "\(stopped)")
            try await tmux.type("fg")
            try await tmux.press("Enter")
            let shown = try await tmux.waitForScreen("the dashboard after fg") { $0.contains("create servers") }
            #expect(shown.hasPrefix("jobwatch demo"), "\(shown)")
            try await tmux.press("q")
            try await tmux.press("y")
            _ = try await tmux.waitForScreen("the shell again") { $0.contains("$ ") && !$0.contains("create servers") }
        } catch {
            await tmux.kill()
            throw error
        }
        await tmux.kill()
    }
}
