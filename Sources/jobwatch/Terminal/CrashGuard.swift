import Foundation
import JobModel

/// Restores the terminal when the process dies of a crash signal (or calls `exit` without
/// stopping the dashboard), then lets the signal do what it would have done.
///
/// A signal handler may only make async-signal-safe calls, and curses may be in the middle of an
/// update on its own thread, so the handler does not call `endwin`: it writes bytes prepared at
/// start (attributes off, cursor on, keypad off, main screen) with `write(2)`, puts back the
/// terminal modes saved before curses started with `tcsetattr`, restores the previous action
/// (Swift's backtracer, or the default) and raises the signal again.
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
        state.initialize(to: CrashRestore(
            bytes: bytes, count: exitSequence.count,
            modes: shellModes ?? termios(), hasModes: shellModes != nil, previous: previous
        ))
        crashRestore = state
        registerAtExitOnce()
        for number in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = restoreTerminalAndReraise
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, previous + Int(number))
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

private func restoreTerminalAndReraise(_ number: Int32) {
    restoreTerminal()
    if let state = crashRestore {
        sigaction(number, state.pointee.previous + Int(number), nil)
    } else {
        signal(number, SIG_DFL)
    }
    // Blocked while this handler runs: delivered, to the previous action, as soon as it returns.
    raise(number)
}

private func restoreTerminalAtExit() {
    restoreTerminal()
}
