import Foundation

/// Serialises output lines and remembers when the last one went out (for the heartbeat).
actor StreamPrinter {
    private(set) var lastLineAt = ContinuousClock.now

    func print(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
        lastLineAt = .now
    }
}
