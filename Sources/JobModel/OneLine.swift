import Foundation

/// Text collapsed to one line: line breaks and tabs become single spaces, blank lines go.
public enum OneLine {
    public static func of(_ text: String) -> String {
        guard text.contains(where: { $0.isNewline || $0 == "\t" }) else { return text }
        return text.split(whereSeparator: \.isNewline)
            .map { $0.replacingOccurrences(of: "\t", with: " ").trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}
