import Foundation
import JobUI

/// One line on standard output, made terminal-safe: server text never reaches stdout raw.
enum PlainOutput {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((TerminalSafeText.line(text) + "\n").utf8))
    }
}
