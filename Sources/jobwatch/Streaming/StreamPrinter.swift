import Foundation
import JobModel
import JobUI

/// Serialises output lines and remembers when the last one went out (for the heartbeat).
/// Every line is made terminal-safe here: server text never reaches stdout raw.
actor StreamPrinter {
    private(set) var lastLineAt = ContinuousClock.now

    func print(_ line: String) {
        FileHandle.standardOutput.write(Data((TerminalSafeText.line(line) + "\n").utf8))
        lastLineAt = .now
    }
}
