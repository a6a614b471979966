import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process with its output captured as it arrives, so a test can wait for a line,
/// signal the process, and always end it: nothing here waits without a deadline.
///
/// Spawned with `posix_spawn` rather than `Process`: the child must start with no signal
/// blocked and default dispositions (libdispatch's threads, where async tests run, block most
/// signals, and a child inherits that — tmux then never sees SIGCHLD, jobwatch never sees
/// SIGTERM), and it is reaped here with `waitpid`, which also catches children that exit
/// within microseconds (a `tmux` client).
///
/// `@unchecked Sendable`: every mutable field is guarded by `lock`.
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
    let pid: pid_t
    private let lock = NSLock()
    private var stdoutData = Data()
    private var stderrData = Data()
    private var openStreams = 2
    private var termination: Termination?

    /// - Parameter stdin: written and closed at once; `nil` gives `/dev/null`.
    init(executable: String, arguments: [String], environment: [String: String], stdin: Data? = nil) throws {
        command = ([executable] + arguments).map { $0.debugDescription }.joined(separator: " ")
        // Pipes are made close-on-exec and the child spawned under one lock, so no child
        // spawned at the same time inherits another's pipe (and holds it open).
        Self.spawning.lock()
        defer { Self.spawning.unlock() }
        let output = try Self.makePipe(), errors = try Self.makePipe()
        let input = try stdin.map { _ in try Self.makePipe() }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let input {
            posix_spawn_file_actions_adddup2(&actions, input.read, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, output.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errors.write, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var nothing = sigset_t(), catchable = sigset_t()
        sigemptyset(&nothing)
        sigemptyset(&catchable)
        for signal: Int32 in 1..<32 where signal != SIGKILL && signal != SIGSTOP { sigaddset(&catchable, signal) }
        posix_spawnattr_setsigmask(&attributes, &nothing)
        posix_spawnattr_setsigdefault(&attributes, &catchable)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var child = pid_t()
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        close(output.write)
        close(errors.write)
        if let input { close(input.read) }
        guard status == 0 else {
            close(output.read)
            close(errors.read)
            if let input { close(input.write) }
            throw StartFailure(description: "cannot start \(command): \(String(cString: strerror(status)))")
        }
        pid = child
        collect(output.read) { $0.stdoutData.append($1) }
        collect(errors.read) { $0.stderrData.append($1) }
        if let input, let stdin {
            let writer = FileHandle(fileDescriptor: input.write, closeOnDealloc: true)
            try? writer.write(contentsOf: stdin)
            try? writer.close()
        }
    }

    var isRunning: Bool { reap() == nil }
    var stdout: String { lock.withLock { String(decoding: stdoutData, as: UTF8.self) } }
    var stderr: String { lock.withLock { String(decoding: stderrData, as: UTF8.self) } }
    var stdoutBytes: Data { lock.withLock { stdoutData } }

    func send(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Waits for the process to end; after `timeout` kills it (SIGKILL) and returns `nil`.
    func waitForExit(timeout: Duration) async -> Termination? {
        guard await eventually(timeout: timeout, { !self.isRunning }) else {
            send(SIGKILL)
            _ = await eventually(timeout: .seconds(5)) { !self.isRunning }
            return nil
        }
        // The pipes reach end-of-file once every writer (children included) has gone.
        _ = await eventually(timeout: .seconds(2)) { self.lock.withLock { self.openStreams == 0 } }
        return reap()
    }

    /// Waits until standard output satisfies `condition`; false after `timeout`.
    func waitForOutput(timeout: Duration, _ condition: @escaping @Sendable (String) -> Bool) async -> Bool {
        await eventually(timeout: timeout) { condition(self.stdout) }
    }

    /// Ends the process if it still runs (for `defer`): SIGKILL, no questions.
    func stop() {
        send(SIGKILL)
        // Reaped at once when it has gone, so no zombie outlives the test.
        for _ in 0..<100 where isRunning { usleep(10_000) }
    }

    /// What a failed expectation shows.
    var transcript: String {
        "$ \(command)\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)"
    }

    /// The termination, once the child has ended (reaping it the first time).
    private func reap() -> Termination? {
        lock.withLock {
            if let termination { return termination }
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
            let signal = status & 0x7f
            termination = signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
            return termination
        }
    }

    private static let spawning = NSLock()

    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw StartFailure(description: "pipe failed: \(String(cString: strerror(errno)))")
        }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    private func collect(_ fd: Int32, into append: @escaping @Sendable (ChildProcess, Data) -> Void) {
        // A thread per stream: blocking reads must not tie up the concurrency pool.
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                let data = Data(buffer[0..<count])
                lock.withLock { append(self, data) }
            }
            close(fd)
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
