import JobModel

import JobModel
/// Text from outside jobwatch (server messages, job types, labels from a jobs file) made safe
/// for a terminal or a plain-text stream: every C0 and C1 control character, DEL and bidi
/// control is shown as a Swift-style escape (`\u{1B}`, `\u{202E}`), so `ESC ] 0 ; … BEL` can
/// neither retitle the window nor clear the screen, a line stays one line and reads in order.
public enum TerminalSafeText {
    public static func of(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: ControlCharacters.contains) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if ControlCharacters.contains(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// One output line: line breaks inside become spaces, other controls escapes.
    public static func line(_ text: String) -> String {
        of(OneLine.of(text))
    }

    /// JSON text with DEL, C1 and bidirectional controls escaped too (JSON requires it only
    /// below U+0020): the exact same value for a parser, harmless on a terminal.
    public static func json(_ text: String) -> String {
        // Below U+0020 the encoder has escaped already, and the layout's line breaks stay.
        func escaped(_ scalar: Unicode.Scalar) -> Bool { (0x7F...0x9F).contains(scalar.value) || ControlCharacters.isBidirectional(scalar) }
        guard text.unicodeScalars.contains(where: escaped) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if escaped(scalar) {
                let hex = String(scalar.value, radix: 16)
                out.append(contentsOf: "\\u\(String(repeating: "0", count: 4 - hex.count))\(hex)".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
