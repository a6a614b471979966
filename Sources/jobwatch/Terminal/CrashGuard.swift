import Foundation
import JobModel

/// Restores the terminal when the process dies of a crash signal (or calls `exit` without
/// stopping the dashboard), then lets the signal do what it would have done.
///
/// A signal handler may only make async-signal-safe calls, and curses may be in the middle of an
/// update on its own thread, so the handler does not call `endwin`: it writes bytes prepared at
/// start (attributes off, cursor on, keypad off, main screen) with `write(2)`, puts back the
/// terminal modes saved before curses started with `tcsetattr`, prints one line, runs the
/// previous handler (Swift's backtracer) and then dies of the signal, whatever that handler did:
/// a signal sent with kill(2) is no fault that comes back, and the dashboard must not run on
/// with its terminal gone.
///
/// The backtracer reads `SWIFT_BACKTRACE` once, at process start, and in a terminal waits 30 s
/// for a key. So before it runs, its standard input becomes `/dev/null` and its output a crash
/// file: it writes the backtrace there and lets the process die at once.
enum CrashGuard {
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE, SIGTRAP]

    /// Call on `CursesActor` after curses has started.
    @CursesActor
    static func install(exitSequence: [UInt8], shellModes: termios?) {
        uninstall()
        let state = UnsafeMutablePointer<CrashRestore>.allocate(capacity: 1)
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(exitSequence.count, 1))
        bytes.initialize(from: exitSequence, count: exitSequence.count)
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(NSIG))
        previous.initialize(repeating: sigaction(), count: Int(NSIG))
        for number in signals {
            sigaction(number, nil, previous + Int(number))
        }
        // Swift's backtracer is a handler of its own; without one there is no crash file.
        let backtracer = previous[Int(SIGSEGV)]
        let hasBacktracer = backtracer.sa_flags & Int32(SA_SIGINFO) != 0
            || (backtracer.__sigaction_handler.sa_handler.map { unsafeBitCast($0, to: Int.self) > 1 } ?? false)
        let crashFile = FileManager.default.temporaryDirectory.appendingPathComponent("jobwatch-crash-\(getpid()).txt").path
        let line = hasBacktracer
            ? "jobwatch: crashed — the backtrace is in \(crashFile); please report it with that file\n"
            : "jobwatch: crashed — please report it (SWIFT_BACKTRACE=enable=yes gives a backtrace)\n"
        state.initialize(to: CrashRestore(
            bytes: bytes, count: exitSequence.count,
            modes: shellModes ?? termios(), hasModes: shellModes != nil, previous: previous,
            line: strdup(line), crashFile: hasBacktracer ? strdup(crashFile) : nil
        ))
        crashRestore = state
        registerAtExitOnce()
        for number in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = restoreTerminalAndDie
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_SIGINFO)
            sigaction(number, &action, nil)
        }
    }

    /// Puts the previous handlers back; call when the terminal has been restored normally.
    @CursesActor
    static func uninstall() {
        guard let state = crashRestore else { return }
        for number in signals {
            sigaction(number, state.pointee.previous + Int(number), nil)
        }
        crashRestore = nil
        free(state.pointee.line)
        free(state.pointee.crashFile)
        state.pointee.bytes.deallocate()
        state.pointee.previous.deallocate()
        state.deallocate()
    }

    @CursesActor private static var atExitRegistered = false

    @CursesActor
    private static func registerAtExitOnce() {
        guard !atExitRegistered else { return }
        atExitRegistered = true
        atexit(restoreTerminalAtExit)
    }
}

/// Plain C memory: the handler reads it without allocating, locking or retaining.
struct CrashRestore {
    var bytes: UnsafeMutablePointer<UInt8>
    var count: Int
    var modes: termios
    var hasModes: Bool
    /// Indexed by signal number.
    var previous: UnsafeMutablePointer<sigaction>
    /// The line to print, C string.
    var line: UnsafeMutablePointer<CChar>?
    /// Where the backtracer's output goes; `nil` when there is no backtracer.
    var crashFile: UnsafeMutablePointer<CChar>?
}

/// Safety: written only by `CrashGuard.install`/`uninstall` on `CursesActor`, which set it
/// before installing the handlers and clear it after removing them; the handlers only read it.
nonisolated(unsafe) private var crashRestore: UnsafeMutablePointer<CrashRestore>?

private func restoreTerminal() {
    guard let state = crashRestore else { return }
    _ = write(STDOUT_FILENO, state.pointee.bytes, state.pointee.count)
    if state.pointee.hasModes {
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &state.pointee.modes)
    }
}

private func restoreTerminalAndDie(_ number: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    restoreTerminal()
    if let state = crashRestore {
        if let line = state.pointee.line {
            _ = write(STDERR_FILENO, line, strlen(line))
        }
        if let path = state.pointee.crashFile {
            // The backtracer inherits these: nothing to wait for on stdin, its text in the file.
            let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            if file >= 0 {
                dup2(file, STDOUT_FILENO)
                dup2(file, STDERR_FILENO)
            }
            let nothing = open("/dev/null", O_RDONLY)
            if nothing >= 0 { dup2(nothing, STDIN_FILENO) }
        }
        // The backtracer writes its file and returns (or exits); either way it is called here,
        // with the signal's own information, so that what follows runs after it.
        let previous = state.pointee.previous[Int(number)]
        if previous.sa_flags & Int32(SA_SIGINFO) != 0, let handler = previous.__sigaction_handler.sa_sigaction {
            handler(number, info, context)
        } else if let handler = previous.__sigaction_handler.sa_handler, unsafeBitCast(handler, to: Int.self) > 1 {
            handler(number)
        }
    }
    // Blocked while this handler runs: delivered with the default action (death, 128 + number
    // for the shell) as soon as it returns.
    signal(number, SIG_DFL)
    raise(number)
}

private func restoreTerminalAtExit() {
    restoreTerminal()
}
