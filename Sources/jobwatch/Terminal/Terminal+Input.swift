import CNcursesw
import Foundation
import JobModel
import JobUI

extension Terminal {
    /// Asks `CursesThread` to wake this actor whenever stdin has something to read.
    func watchInput() {
        CursesThread.shared.watchInput(.init(fd: STDIN_FILENO) { [weak self] hangup in
            Task { @CursesActor in
                defer { CursesThread.shared.inputDrained() }
                self?.inputReady(hangup: hangup)
            }
        })
    }

    private func inputReady(hangup: Bool) {
        guard screen != nil else { return }
        if drainKeys() {
            emptyReads = 0
        } else {
            emptyReads += 1
            // Readable but nothing read: in the background (`bg`) reads fail with EIO.
            if !TerminalLost.claimForeground() {
                lost = true
                CursesThread.shared.watchInput(nil)
                events?.yield(.hangup)
                return
            }
        }
        // A readable stdin with nothing in it, again and again, is a closed one.
        if hangup || emptyReads > 100 {
            CursesThread.shared.watchInput(nil)
            events?.yield(.hangup)
        }
    }

    /// Reads every key that is already there (an unbracketed paste is many) and sends them on.
    /// Never blocks, except `ESCDELAY` (25 ms) after a lone Esc. Returns whether anything was read.
    @discardableResult
    func drainKeys() -> Bool {
        var input: [TerminalEvent] = []
        var text = String.UnicodeScalarView()
        var readAnything = false
        func endText() {
            guard !text.isEmpty else { return }
            input += KeyDecoder.characters(text).map(TerminalEvent.key)
            text = String.UnicodeScalarView()
        }
        while true {
            var code: wint_t = 0
            let result = wget_wch(jw_stdscr(), &code)
            if result == jw_err() { break }
            readAnything = true
            if result == jw_key_code_yes(), Int32(code) == KeyDecoder.pasteStartCode {
                endText()
                paste.begin(at: .now)
            } else if result == jw_key_code_yes(), Int32(code) == KeyDecoder.pasteEndCode {
                if let pasted = paste.end() { input.append(.paste(pasted)) }
            } else if paste.isOpen {
                // Inside a paste nothing is a key: KEY_ENTER is a newline, other keys are dropped.
                let scalar: Unicode.Scalar? = result == jw_key_code_yes()
                    ? (Int32(code) == KEY_ENTER ? "\n" : nil)
                    : Unicode.Scalar(UInt32(code))
                if let scalar, let pasted = paste.append(scalar) { input.append(.paste(pasted)) }
            } else if result == jw_key_code_yes() {
                endText()
                // KEY_RESIZE (no key here) only comes from our own resizeterm, which reports the resize itself.
                if let key = KeyDecoder.functionKey(Int32(code)) { input.append(.key(key)) }
            } else if let scalar = Unicode.Scalar(UInt32(code)) {
                if ControlCharacters.contains(scalar) {
                    endText()
                    if let key = KeyDecoder.controlKey(scalar) { input.append(.key(key)) }
                } else {
                    text.append(scalar)
                }
            }
        }
        endText()
        if paste.isOverdue(at: .now), let pasted = paste.end() { input.append(.paste(pasted)) }
        for event in input { events?.yield(event) }
        return readAnything
    }
}
