import Foundation

/// Runs the real `jobwatch` binary with a clean environment and a hard timeout.
struct BinaryRunner: Sendable {
    struct Result: CustomStringConvertible {
        /// `nil` when the run was killed at the timeout.
        var termination: ChildProcess.Termination?
        var stdout: String
        var stderr: String
        var transcript: String

        var exitCode: Int32? {
            if case .exited(let code) = termination { return code }
            return nil
        }

        var stderrLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast() }
        var description: String { "\(termination?.description ?? "TIMED OUT (killed)")\n\(transcript)" }
    }

    let binary: String
    var environment: [String: String]

    init(scratch: Scratch, environment extra: [String: String] = [:]) throws {
        binary = try JobwatchBinary.require()
        environment = scratch.environment(withExtra: extra)
    }

    /// Runs to the end; kills the process after `timeout` (the result then has no termination).
    func run(_ arguments: [String], stdin: Data? = nil, environment extra: [String: String] = [:], timeout: Duration = .seconds(30)) async throws -> Result {
        let child = try start(arguments, stdin: stdin, environment: extra)
        let termination = await child.waitForExit(timeout: timeout)
        return Result(termination: termination, stdout: child.stdout, stderr: child.stderr, transcript: child.transcript)
    }

    /// Starts the binary and returns at once; the caller must end it (`defer { child.stop() }`).
    func start(_ arguments: [String], stdin: Data? = nil, environment extra: [String: String] = [:]) throws -> ChildProcess {
        try ChildProcess(executable: binary, arguments: arguments, environment: Scratch.withExtra(extra, on: environment), stdin: stdin)
    }
}
