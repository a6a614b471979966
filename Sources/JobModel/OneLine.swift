import Foundation

/// Text collapsed to one line: line breaks and tabs become single spaces, blank lines go.
public enum OneLine {
    public static func of(_ text: String) -> String {
        // Printable ASCII (most text) has no line break or tab to look for grapheme by grapheme.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        guard text.contains(where: { $0.isNewline || $0 == "\t" }) else { return text }
        return text.split(whereSeparator: \.isNewline)
            .map { $0.replacingOccurrences(of: "\t", with: " ").trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}
