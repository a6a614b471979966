import Foundation

/// Facts about captured terminal text that the tests check.
enum ScreenText {
    /// Columns a line takes: East Asian wide characters count two (enough for the texts the
    /// simulator produces: CJK reasons, box drawing, arrows, status symbols).
    static func width(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { total, scalar in
            if scalar.properties.generalCategory == .nonspacingMark || scalar.value == 0x200D { return total }
            return total + (isWide(scalar) ? 2 : 1)
        }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }

    /// SGR parameters that set a foreground or background colour (39/49, "default", do not).
    static func containsColour(_ text: String) -> Bool {
        for match in text.matches(of: /\x{1B}\[([0-9;:]*)m/) {
            let parameters = match.output.1.split(whereSeparator: { $0 == ";" || $0 == ":" }).compactMap { Int($0) }
            if parameters.contains(where: { (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0) || (100...107).contains($0) }) {
                return true
            }
        }
        return false
    }

    static func lines(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
