import CNcursesw
import Foundation
import JobModel
import JobUI

extension Terminal {
    /// Shows `frame`: writes only the rows that differ from what is on screen, then one
    /// `wnoutrefresh` + `doupdate` (one burst of output), then the title if it changed.
    func draw(_ frame: Frame) {
        guard screen != nil, !isSuspended else { return }
        // `bg` put it in the background: stop there (as vim does) rather than draw over the shell.
        guard TerminalLost.claimForeground() else {
            lost = true
            events?.yield(.hangup)
            return
        }
        lastFrame = frame
        guard let window = jw_stdscr() else { return }
        let height = Int(jw_maxy(window))
        let width = Int(jw_maxx(window))
        let rows = Array(frame.rows.prefix(height))
        let cursor = frame.cursor.flatMap { $0.row < height && $0.column < width ? $0 : nil }

        let rowsChanged = rows != shownRows
        let cursorChanged = cursor?.row != shownCursor?.row || cursor?.column != shownCursor?.column
        if rowsChanged || cursorChanged {
            for (y, row) in rows.enumerated() where y >= shownRows.count || shownRows[y] != row {
                blit(row, at: y, width: width, in: window)
            }
            if rows.count < height, shownRows.count != rows.count || shownRows.isEmpty {
                wmove(window, Int32(rows.count), 0)
                wclrtobot(window)
            }
            if let cursor {
                wmove(window, Int32(cursor.row), Int32(cursor.column))
                curs_set(1)
            } else {
                curs_set(0)
            }
            shownRows = rows
            shownCursor = cursor
            wnoutrefresh(window)
            doupdate()
        }
        if frame.title != shownTitle {
            shownTitle = frame.title
            if environment.speaksXtermOSC { writeDirect(TerminalEscapes.title(frame.title)) }
        }
    }

    /// Forgets what is on screen and repaints everything (Ctrl-L, or garbage from elsewhere).
    func redraw() {
        guard screen != nil else { return }
        shownRows = []
        shownTitle = nil
        clearok(jw_curscr(), true)
        if let lastFrame { draw(lastFrame) }
    }

    /// Rings the terminal bell (or flashes, if that is all it has).
    func bell() {
        guard screen != nil else { return }
        beep()
    }

    /// Puts `text` on the clipboard through OSC 52. `false` when this terminal does not speak it
    /// or the text is too long; the terminal may still refuse silently (tmux without
    /// `set-clipboard on`, xterm without `allowWindowOps`).
    @discardableResult
    func copyToClipboard(_ text: String) -> Bool {
        guard screen != nil, environment.speaksXtermOSC,
              let sequence = TerminalEscapes.clipboard(text, insideScreen: environment.insideScreen)
        else { return false }
        writeDirect(sequence)
        return true
    }

    // MARK: - One row

    /// Writes a row cell by cell at the columns the frame gives (not where curses' own
    /// `wcwidth` would put them), then clears the rest of the line.
    private func blit(_ row: Row, at y: Int, width: Int, in window: UnsafeMutablePointer<WINDOW>) {
        var x = 0
        for cell in row.cells where cell.width > 0 {
            guard x + cell.width <= width else { break }
            put(cell, y: y, x: x, in: window)
            x += cell.width
        }
        if x < width {
            wmove(window, Int32(y), Int32(x))
            wclrtoeol(window)
        }
    }

    private func put(_ cell: Cell, y: Int, x: Int, in window: UnsafeMutablePointer<WINDOW>) {
        let (attributes, pair) = palette.attributes(for: cell.style)
        let glyph = displayable(cell)
        var characters = glyph.unicodeScalars.prefix(Int(jw_ccharw_max()) - 1).map { wchar_t(bitPattern: $0.value) }
        characters.append(0)
        var cchar = cchar_t()
        setcchar(&cchar, characters, attributes, pair, nil)
        mvwadd_wch(window, Int32(y), Int32(x), &cchar)
        // The frame says two columns, curses (libc's wcwidth) says one, e.g. a text-style symbol:
        // fill the second, so curses' idea of the line and the terminal's stay the same.
        if cell.width == 2, jw_curx(window) == Int32(x + 1) {
            var blank = cchar_t()
            setcchar(&blank, [wchar_t(0x20), 0], attributes, pair, nil)
            mvwadd_wch(window, Int32(y), Int32(x + 1), &blank)
        }
    }

    /// The grapheme as the terminal can show it: control characters (which could smuggle escape
    /// sequences from job text) never reach the terminal; without UTF-8, non-ASCII becomes `?`.
    private func displayable(_ cell: Cell) -> String {
        let scalars = cell.grapheme.unicodeScalars
        if scalars.isEmpty { return " " }
        if capabilities.unicode {
            if scalars.contains(where: ControlCharacters.contains) { return "\u{FFFD}" }
            return cell.grapheme
        }
        if scalars.count == 1, let scalar = scalars.first, scalar.isASCII, !ControlCharacters.contains(scalar) {
            return cell.grapheme
        }
        return "?"
    }
}
