import ArgumentParser
import Foundation

/// Prints `jobwatch: <what> — <how to fix>` on stderr and turns the error into an exit code.
enum CommandFailure {
    static func exit(for error: any Error) -> ExitCode {
        if let exit = error as? ExitCode { return exit }
        if error is CancellationError { return ExitCode(ExitStatus.interrupted.rawValue) }
        let status: ExitStatus = error is UsageError ? .usage : .unreadable
        printError("\(error)")
        return ExitCode(status.rawValue)
    }

    static func printError(_ message: String) {
        let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        FileHandle.standardError.write(Data("jobwatch: \(line)\n".utf8))
    }
}
