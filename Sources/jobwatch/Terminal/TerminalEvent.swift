import JobModel
import JobUI

/// What the terminal reports to the dashboard loop.
enum TerminalEvent: Sendable, Hashable {
    /// A key press; `.resize` once the new size is in effect (`Terminal.size`).
    case key(Key)
    /// SIGINT, SIGTERM or SIGHUP: leave now (the loop ends in `Terminal.stop()`).
    case quit(signal: Int32)
    /// The terminal went away (stdin hung up): leave, nothing can be shown any more.
    case hangup
}
