import Foundation
import JobModel
import JobUI

/// The few escape sequences written around ncurses (it has no API for them).
enum TerminalEscapes {
    private static let esc = "\u{1B}"
    private static let bel = "\u{07}"

    /// OSC 2: the window title. Control characters are dropped so a job's text cannot end the
    /// sequence early and smuggle its own.
    static func title(_ text: String) -> String {
        "\(esc)]2;\(printable(text))\(bel)"
    }

    /// xterm's title stack (XTWINOPS 22/23): saved at start, restored at the end.
    static let pushTitle = "\(esc)[22;0t"
    static let popTitle = "\(esc)[23;0t"

    /// Bracketed paste (xterm mode 2004): the terminal wraps pasted text in `pasteStart` …
    /// `pasteEnd`, so a paste is told apart from typing and none of it runs as keys.
    static let enablePaste = "\(esc)[?2004h"
    static let disablePaste = "\(esc)[?2004l"
    static let pasteStart = "\(esc)[200~"
    static let pasteEnd = PasteBuffer.endMarker

    /// Longest text sent to the clipboard: xterm and tmux refuse or truncate much more.
    static let clipboardLimit = 64 * 1024

    /// OSC 52: set the clipboard ("c") to `text`.
    ///
    /// Inside tmux this is sent plain, not wrapped in tmux's DCS passthrough: tmux ≥ 3.3 with
    /// `set-clipboard on` takes plain OSC 52 itself, keeps the text in its paste buffer and
    /// forwards it to the outer terminal, while passthrough would also need `allow-passthrough`
    /// and would skip tmux's buffer. GNU screen understands no OSC 52, so there the sequence goes
    /// through screen's DCS passthrough to the outer terminal.
    static func clipboard(_ text: String, insideScreen: Bool) -> String? {
        let data = Data(text.utf8)
        guard data.count <= clipboardLimit else { return nil }
        let osc = "\(esc)]52;c;\(data.base64EncodedString())\(bel)"
        return insideScreen ? "\(esc)P\(osc)\(esc)\\" : osc
    }

    private static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !ControlCharacters.contains($0) }))
    }
}
