import Foundation
import JobUI

/// One line on standard output, made terminal-safe: server text never reaches stdout raw.
enum PlainOutput {
    static func line(_ text: String) {
        StandardStreams.out(TerminalSafeText.line(text) + "\n")
    }
}
