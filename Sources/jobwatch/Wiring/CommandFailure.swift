import ArgumentParser
import Foundation
import JobModel
import JobSession
import JobUI

/// Prints `jobwatch: <what> — <how to fix>` on stderr and turns the error into an exit code.
enum CommandFailure {
    static func exit(for error: any Error) -> ExitCode {
        if let exit = error as? ExitCode { return exit }
        if error is CancellationError { return ExitCode(128 + SIGINT) }
        if error is TerminalLost {
            printError("\(error)")
            return ExitCode(ExitStatus.ioError.rawValue)
        }
        let status: ExitStatus = error is any UsageProblem ? .usage : .unreadable
        printError("\(error)")
        return ExitCode(status.rawValue)
    }

    static func printError(_ message: String) {
        // Messages quote server text and user input: no control character reaches the terminal.
        StandardStreams.err("jobwatch: \(TerminalSafeText.line(message))\n")
    }
}
