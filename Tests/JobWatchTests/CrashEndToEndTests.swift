import Foundation
import Testing

/// A crash of the dashboard restores the terminal, says so in one line with the crash file,
/// and exits: Swift's backtracer must not wait 30 s for a key in the user's terminal.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"), .timeLimit(.minutes(2)))
struct CrashEndToEndTests {
    @Test func aCrashNeverWaitsForAKey() async throws {
        try await SttyPane.with { pane in
            try await pane.waitForDashboard()
            kill(try await pane.tmux.programPID(), SIGSEGV)
            // Under 30 s, the backtracer's wait for a key; its symbolication of a debug build on a
            // loaded 2-core machine took over 15 s once (the crash line was out, the exit not yet).
            let after = try await pane.waitForExit(timeout: .seconds(27))
            // A SIGSEGV sent with kill(2) is no fault that comes back: jobwatch dies of it anyway,
            // after the backtracer, rather than run on with its terminal restored.
            #expect(after.contains("EXIT=\(128 + SIGSEGV)"), "\(after)")
            let line = try #require(ScreenText.lines(after).first { $0.hasPrefix("jobwatch: crashed") }, "\(after)")
            #expect(line.contains(" — "), "\(line)")
            #expect(!after.contains("Press space"), "the backtracer asked for a key:\n\(after)")
            if let path = line.firstMatch(of: /\/\S*jobwatch-crash-\d+\.txt/).map({ String($0.output) }) {
                let backtrace = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                // Its prompt for a key may be in the file: it read end-of-file from /dev/null.
                #expect(backtrace.contains("crashed"), "\(path): \(backtrace)")
                try? FileManager.default.removeItem(atPath: path)
            }
            try pane.expectTerminalRestored()
        }
    }
}
