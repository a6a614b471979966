import Foundation
import Testing

/// A crash of the dashboard restores the terminal, says so in one line with the crash file,
/// and exits: Swift's backtracer must not wait 30 s for a key in the user's terminal.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"), .timeLimit(.minutes(1)))
struct CrashEndToEndTests {
    @Test func aCrashNeverWaitsForAKey() async throws {
        try await SttyPane.with { pane in
            try await pane.waitForDashboard()
            kill(try await pane.tmux.programPID(), SIGSEGV)
            // waitForExit gives up after 15 s: half the backtracer's interactive wait.
            let after = try await pane.waitForExit()
            // A SIGSEGV sent with kill(2) is no fault that comes back: jobwatch dies of it anyway,
            // after the backtracer, rather than run on with its terminal restored.
            #expect(after.contains("EXIT=\(128 + SIGSEGV)"), "\(after)")
            let line = try #require(ScreenText.lines(after).first { $0.hasPrefix("jobwatch: crashed") }, "\(after)")
            #expect(line.contains(" — "), "\(line)")
            #expect(!after.contains("Press space"), "the backtracer asked for a key:\n\(after)")
            if let path = line.firstMatch(of: /\/\S*jobwatch-crash-\d+\.txt/).map({ String($0.output) }) {
                #expect(FileManager.default.fileExists(atPath: path), "\(path)")
                try? FileManager.default.removeItem(atPath: path)
            }
            try pane.expectTerminalRestored()
        }
    }
}
