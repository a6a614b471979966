import Foundation

/// The terminal cannot be used by this process: it is in the background of a terminal whose
/// job control cannot stop it (under `timeout` without `--foreground`, an orphaned group), so
/// every read fails with EIO. Said in one line; exit 74, the state saved.
struct TerminalLost: Error, CustomStringConvertible {
    var description: String {
        "the terminal belongs to another process group (started in the background, or under timeout without --foreground): keys cannot be read — run it in the foreground, with timeout --foreground, or use --plain"
    }

    /// Whether this process may use the terminal now. In the background it first stops
    /// itself, as vim and htop do, and goes on when `fg` brings it back; `false` when job
    /// control cannot stop it.
    static func claimForeground() -> Bool {
        guard isatty(STDIN_FILENO) == 1 else { return true }
        let foreground = tcgetpgrp(STDIN_FILENO)
        if foreground == getpgrp() { return true }
        // Not this session's terminal at all (setsid): no job control can hand it over.
        if foreground < 0 { return false }
        StandardStreams.err("jobwatch: in the background: stopped until fg brings it back (under timeout, give timeout --foreground)\n")
        // To this thread (which has it unblocked), so the stop happens before the check below;
        // discarded by the kernel for an orphaned process group: then nothing fixes it here.
        pthread_kill(pthread_self(), SIGTTOU)
        return tcgetpgrp(STDIN_FILENO) == getpgrp()
    }
}
