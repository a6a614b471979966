import CNcursesw
import Foundation
import JobModel
import JobUI
import JobSession

/// The ncurses screen: starts and restores the terminal, draws `Frame`s, reads keys.
///
/// Every method runs on `CursesActor` (one dedicated thread, see `CursesThread`). Keys, resizes
/// and quit signals arrive on the `AsyncStream` that `start()` returns.
@CursesActor
final class Terminal {
    enum StartError: Error, CustomStringConvertible {
        case unsupported(term: String?)
        case unknownTerminal(String)

        var description: String {
            switch self {
            case .unsupported(let term):
                "the terminal (TERM=\(term ?? "")) cannot show the dashboard — use `jobwatch wait` or set TERM"
            case .unknownTerminal(let term):
                "no terminfo entry for TERM=\(term) — install ncurses-term or set TERM=xterm-256color"
            }
        }
    }

    let environment: TerminalEnvironment
    /// `ui.theme`: the background to draw for, or `auto` to ask.
    let theme: JobwatchConfig.UISettings.ThemeChoice
    /// What was detected at `start()`.
    private(set) var capabilities = TerminalCapabilities(colors: 0, unicode: false)
    var screen: OpaquePointer?
    var palette = ColorPalette()
    var events: AsyncStream<TerminalEvent>.Continuation?
    private var signals: TerminalSignals?

    // What is on the screen now, so `draw` writes only the rows that changed. Empty: unknown
    // (after start, a resize, a resume), so the next frame is drawn in full.
    var shownRows: [Row] = []
    var shownCursor: (row: Int, column: Int)?
    var shownTitle: String?
    var lastFrame: Frame?

    /// What the start had to work around, said once in the dashboard (the fallback terminal).
    private(set) var startNote: String?
    /// Tried in turn when `TERM` has no terminfo entry.
    static let fallbackTerminals = ["xterm-256color", "xterm"]

    /// Set when the terminal became unusable while the dashboard ran (see `TerminalLost`).
    var lost = false

    var quitSignals = 0
    /// Wake-ups for stdin that found nothing to read, in a row (a closed stdin polls readable).
    var emptyReads = 0
    var isSuspended = false
    /// A bracketed paste being read (it may span several reads).
    var paste = PasteBuffer()

    init(environment: [String: String] = ProcessInfo.processInfo.environment, theme: JobwatchConfig.UISettings.ThemeChoice = .auto) {
        self.environment = TerminalEnvironment(environment)
        self.theme = theme
    }

    var isRunning: Bool { screen != nil }

    /// The screen size now, in columns and rows.
    var size: ScreenSize {
        guard screen != nil else { return ScreenSize(width: 80, height: 24) }
        return ScreenSize(width: Int(jw_maxx(jw_stdscr())), height: Int(jw_maxy(jw_stdscr())))
    }

    // MARK: - Start and stop

    /// Takes over the terminal (alternate screen, no echo, keys one by one, cursor hidden).
    /// Throws when it cannot; then nothing has changed and the caller streams lines instead.
    func start() throws -> AsyncStream<TerminalEvent> {
        precondition(screen == nil, "Terminal.start() twice")
        guard environment.supportsFullScreen, let term = environment.term else {
            throw StartError.unsupported(term: environment.term)
        }
        // The locale first: it decides whether curses reads and writes UTF-8. Numbers stay in
        // the C locale so nothing formatted with libc grows a decimal comma.
        setlocale(LC_ALL, "")
        setlocale(LC_NUMERIC, "C")
        var shellModes = termios()
        let haveShellModes = tcgetattr(STDIN_FILENO, &shellModes) == 0

        // Our signal handling goes in before curses: ncurses installs its own SIGINT, SIGTERM,
        // SIGTSTP and SIGWINCH handlers only where the disposition is still the default, and
        // those would run curses code on whatever thread the signal happens to hit.
        guard TerminalLost.claimForeground() else { throw TerminalLost() }
        // Asked before curses owns the tty; without colour there is nothing to choose.
        let background = environment.noColor ? Background.dark : BackgroundQuery.background(theme: theme, colorFGBG: environment.colorFGBG)
        let (stream, continuation) = AsyncStream.makeStream(of: TerminalEvent.self)
        events = continuation
        signals = TerminalSignals(terminal: self)

        // A terminal the host has no entry for (kitty, alacritty, ghostty over SSH) is drawn
        // as xterm, which they all emulate, rather than not at all.
        var drawnAs = term
        var opened = jw_newterm(term)
        for fallback in Self.fallbackTerminals where opened == nil {
            opened = jw_newterm(fallback)
            drawnAs = fallback
        }
        startNote = drawnAs == term ? nil : "no terminfo entry for TERM=\(term) on this host: drawing as \(drawnAs) (install its terminfo to silence this)"
        guard let screen = opened else {
            signals?.cancel()
            signals = nil
            events = nil
            throw StartError.unknownTerminal(term)
        }
        self.screen = screen
        set_escdelay(25)  // a lone Esc is a key after 25 ms, not the start of a sequence
        cbreak()  // keys one by one; Ctrl-C and Ctrl-Z still raise SIGINT and SIGTSTP
        noecho()
        nonl()
        intrflush(jw_stdscr(), false)
        keypad(jw_stdscr(), true)
        nodelay(jw_stdscr(), true)  // reads never block: CursesThread polls stdin first
        curs_set(0)
        define_key(TerminalEscapes.pasteStart, KeyDecoder.pasteStartCode)
        define_key(TerminalEscapes.pasteEnd, KeyDecoder.pasteEndCode)
        palette = environment.noColor ? ColorPalette() : (ColorPalette.start() ?? ColorPalette())
        capabilities = TerminalCapabilities(colors: palette.colors, unicode: jw_codeset_is_utf8() != 0, background: background)

        CrashGuard.install(exitSequence: exitSequence(), shellModes: haveShellModes ? shellModes : nil)
        if environment.speaksXtermOSC { writeDirect(TerminalEscapes.pushTitle) }
        // After CrashGuard: from here on every way out turns it off again.
        writeDirect(TerminalEscapes.enablePaste)
        paste = PasteBuffer()
        shownRows = []
        shownTitle = nil
        lastFrame = nil
        quitSignals = 0
        emptyReads = 0
        watchInput()
        return stream
    }

    /// Gives the terminal back exactly as it was: main screen, cursor, echo, line mode, title.
    /// Safe to call twice.
    func stop() {
        guard let screen else { return }
        CursesThread.shared.watchInput(nil)
        signals?.cancel()
        signals = nil
        writeDirect(TerminalEscapes.disablePaste)
        curs_set(1)
        endwin()
        delscreen(screen)
        self.screen = nil
        if environment.speaksXtermOSC { writeDirect(TerminalEscapes.popTitle) }
        CrashGuard.uninstall()
        events?.finish()
        events = nil
    }

    /// What a crash handler writes to leave curses without calling it: attributes off, cursor
    /// on, keypad mode off, main screen back, the saved title back.
    private func exitSequence() -> [UInt8] {
        var bytes = Array(TerminalEscapes.disablePaste.utf8)
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
            bytes += Array(String(cString: value).utf8)
        }
        if environment.speaksXtermOSC { bytes += Array(TerminalEscapes.popTitle.utf8) }
        return bytes
    }

    // MARK: - Signals

    /// Runs (on this actor) for each signal `TerminalSignals` watches.
    func handle(signal number: Int32) {
        guard screen != nil else { return }
        switch number {
        case SIGWINCH: resized()
        case SIGTSTP: suspend()
        case SIGCONT: resumed()
        default: quit(signal: number)
        }
    }

    private func quit(signal number: Int32) {
        quitSignals += 1
        if quitSignals == 1 {
            events?.yield(.quit(signal: number))
        } else {
            // Asked twice: the loop is not getting there. Restore the terminal and go.
            stop()
            exit(128 + number)
        }
    }

    /// Ctrl-Z: leave curses as `endwin` does, then stop for real. SIGSTOP cannot be caught, so
    /// the shell sees the job stop; `fg` sends SIGCONT and `resumed()` repaints.
    private func suspend() {
        writeDirect(TerminalEscapes.disablePaste)  // the shell must get pastes as typing again
        endwin()
        if environment.speaksXtermOSC { writeDirect(TerminalEscapes.popTitle) }
        isSuspended = true
        kill(getpid(), SIGSTOP)
    }

    /// SIGCONT, after our own stop or someone else's: the screen may be anything now.
    private func resumed() {
        if isSuspended, environment.speaksXtermOSC { writeDirect(TerminalEscapes.pushTitle) }
        isSuspended = false
        writeDirect(TerminalEscapes.enablePaste)
        shownTitle = nil
        clearok(jw_curscr(), true)
        resized()
        if let lastFrame { draw(lastFrame) }  // back to curses mode at once, even before a new frame
    }

    /// SIGWINCH: take the kernel's new size, and tell the loop so it renders for it.
    private func resized() {
        var rows: Int32 = 0
        var columns: Int32 = 0
        if jw_tty_size(STDOUT_FILENO, &rows, &columns) == 0 {
            resizeterm(rows, columns)
        }
        shownRows = []
        drainKeys()  // resizeterm queued a KEY_RESIZE: take it out (and any keys typed meanwhile)
        events?.yield(.resize(size))
    }

    /// Writes bytes straight to the terminal, outside curses. Only between frames: `doupdate`
    /// has flushed curses' own output by then, so nothing interleaves.
    func writeDirect(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return  // hung up or broken: nothing more can be shown anyway
            }
        }
    }
}

extension Terminal {
    /// The linked ncurses, e.g. `ncurses 6.4.20221231`: proof that CNcursesw links, for `--version`
    /// style diagnostics. `curses_version` only returns a constant string, so any thread may ask.
    nonisolated static var cursesVersion: String {
        String(cString: curses_version())
    }
}
