import Foundation

/// A child process with its output captured as it arrives, so a test can wait for a line,
/// signal the process, and always end it: nothing here waits without a deadline.
///
/// `@unchecked Sendable`: the output buffers are guarded by `lock`; `process` is only
/// started in `init` and afterwards only read (`isRunning`, status) or signalled by pid.
final class ChildProcess: @unchecked Sendable {
    enum Termination: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        var description: String {
            switch self {
            case .exited(let code): "exit \(code)"
            case .signalled(let signal): "killed by signal \(signal)"
            }
        }
    }

    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    let command: String
    private let process = Process()
    private let lock = NSLock()
    private var stdoutData = Data()
    private var stderrData = Data()
    private var openStreams = 2

    /// - Parameter stdin: written and closed at once; `nil` gives `/dev/null`.
    init(executable: String, arguments: [String], environment: [String: String], stdin: Data? = nil, directory: String? = nil) throws {
        command = ([executable] + arguments).map { $0.debugDescription }.joined(separator: " ")
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = stdin.map { _ in Pipe() }
        process.standardInput = input ?? FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw StartFailure(description: "cannot start \(command): \(error)")
        }
        collect(out.fileHandleForReading) { $0.stdoutData.append($1) }
        collect(err.fileHandleForReading) { $0.stderrData.append($1) }
        if let input, let stdin {
            let writer = input.fileHandleForWriting
            try? writer.write(contentsOf: stdin)
            try? writer.close()
        }
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }
    var stdout: String { lock.withLock { String(decoding: stdoutData, as: UTF8.self) } }
    var stderr: String { lock.withLock { String(decoding: stderrData, as: UTF8.self) } }
    var stdoutBytes: Data { lock.withLock { stdoutData } }

    func send(_ signal: Int32) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

    /// Waits for the process to end; after `timeout` kills it (SIGKILL) and returns `nil`.
    func waitForExit(timeout: Duration) async -> Termination? {
        let ended = await eventually(timeout: timeout) { !self.process.isRunning }
        if !ended {
            send(SIGKILL)
            _ = await eventually(timeout: .seconds(5)) { !self.process.isRunning }
            return nil
        }
        // The pipes reach end-of-file once every writer (children included) has gone.
        _ = await eventually(timeout: .seconds(2)) { self.lock.withLock { self.openStreams == 0 } }
        return process.terminationReason == .uncaughtSignal
            ? .signalled(process.terminationStatus)
            : .exited(process.terminationStatus)
    }

    /// Waits until standard output satisfies `condition`; false after `timeout` or once the
    /// process has ended without it.
    func waitForOutput(timeout: Duration, _ condition: @escaping @Sendable (String) -> Bool) async -> Bool {
        await eventually(timeout: timeout) {
            if condition(self.stdout) { return true }
            return false
        }
    }

    /// Ends the process if it still runs (for `defer`): SIGKILL, no questions.
    func stop() {
        send(SIGKILL)
    }

    /// What a failed expectation shows.
    var transcript: String {
        "$ \(command)\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)"
    }

    private func collect(_ handle: FileHandle, into append: @escaping @Sendable (ChildProcess, Data) -> Void) {
        // A thread per stream: blocking reads must not tie up the concurrency pool.
        let thread = Thread { [self] in
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                lock.withLock { append(self, data) }
            }
            lock.withLock { openStreams -= 1 }
        }
        thread.start()
    }
}

/// Polls `condition` every 20 ms until it holds (true) or `timeout` passes (false).
func eventually(timeout: Duration, _ condition: @Sendable () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while true {
        if try await condition() { return true }
        if ContinuousClock.now >= deadline { return false }
        try? await Task.sleep(for: .milliseconds(20))
    }
}
