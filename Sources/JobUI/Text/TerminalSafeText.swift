import JobModel

import JobModel
/// Text from outside jobwatch (server messages, job types, labels from a jobs file) made safe
/// for a terminal or a plain-text stream: every C0 and C1 control character and DEL is shown
/// as a Swift-style escape (`\u{1B}`), so `ESC ] 0 ; … BEL` can neither retitle the window
/// nor clear the screen, and a line stays one line.
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

    /// JSON text with DEL and C1 controls escaped too (JSON requires it only below U+0020): the
    /// same value for a parser, harmless on a terminal.
    public static func json(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0x7F...0x9F).contains($0.value) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x7F...0x9F).contains(scalar.value) {
                let hex = String(scalar.value, radix: 16)
                out.append(contentsOf: "\\u\(String(repeating: "0", count: 4 - hex.count))\(hex)".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
