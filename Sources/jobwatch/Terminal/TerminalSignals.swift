import Dispatch
import Foundation
import JobModel

/// The signals the dashboard turns into messages, instead of letting them kill it mid-frame.
///
/// Each is ignored as a disposition (so it neither kills the process nor reaches ncurses, which
/// installs handlers only where it finds the default) and delivered through a dispatch source;
/// the handler hops onto `CursesActor`, so curses is still touched on its own thread only.
@CursesActor
final class TerminalSignals {
    /// INT, TERM, HUP: quit. TSTP/CONT: suspend and repaint. WINCH: resize.
    static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGWINCH]

    private var sources: [any DispatchSourceSignal] = []
    /// The dispositions found at start, given back at the end.
    private var previous: [(number: Int32, handler: sighandler_t?)] = []

    init(terminal: Terminal) {
        for number in Self.watched {
            previous.append((number, signal(number, SIG_IGN)))
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            // Not isolated: dispatch calls it on its own queue, and it only schedules the work.
            source.setEventHandler { @Sendable [weak terminal] in
                Task { @CursesActor in terminal?.handle(signal: number) }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops listening and gives each signal the disposition it had before.
    func cancel() {
        for source in sources { source.cancel() }
        sources = []
        for (number, handler) in previous { signal(number, handler) }
        previous = []
    }
}
