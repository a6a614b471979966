import Foundation
import JobModel
import JobUI

/// Serialises output lines and remembers when the last one went out (for the heartbeat).
actor StreamPrinter {
    private(set) var lastLineAt = ContinuousClock.now

    func print(_ line: String) {
        PlainOutput.line(line)
        lastLineAt = .now
    }
}
