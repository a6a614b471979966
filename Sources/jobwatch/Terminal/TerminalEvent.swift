import JobModel
import JobUI

/// What the terminal reports to the dashboard loop.
enum TerminalEvent: Sendable, Hashable {
    case key(Key)
    /// A bracketed paste, whole.
    case paste(String)
    /// The new size, once in effect (SIGWINCH, or back from Ctrl-Z).
    case resize(ScreenSize)
    /// SIGINT, SIGTERM or SIGHUP: leave now (the loop ends in `Terminal.stop()`).
    case quit(signal: Int32)
    /// The terminal went away (stdin hung up): leave, nothing can be shown any more.
    case hangup
}

extension TerminalEvent {
    /// The same, for `Dashboard.update`.
    var message: Message {
        switch self {
        case .key(let key): .key(key)
        case .paste(let text): .paste(text)
        case .resize(let size): .resize(size)
        case .quit(let signal): .signal(signal)
        case .hangup: .hangup
        }
    }
}
