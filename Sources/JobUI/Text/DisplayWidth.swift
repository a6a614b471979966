import JobModel
/// Terminal columns taken by text, from our own table rather than libc's `wcwidth`
/// (which depends on the process locale and differs between systems).
///
/// Width is measured per grapheme (Swift `Character`): an emoji or East Asian wide/fullwidth
/// grapheme takes 2 columns, combining marks and format characters add nothing, control
/// characters take 0 (they are never drawn; `Sanitized` replaces them first).
public enum DisplayWidth {
    /// Columns `s` takes on a terminal.
    public static func of(_ s: String) -> Int {
        if isPrintableASCII(s) { return s.utf8.count }
        var total = 0
        for character in s { total += of(character) }
        return total
    }

    /// Columns one grapheme takes: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        if character.isASCII {
            // Fast path; "\r\n" is one Character and ASCII too.
            let value = character.unicodeScalars.first!.value
            return value < 0x20 || value == 0x7F ? 0 : 1
        }
        var base: Int?
        for scalar in character.unicodeScalars {
            // Emoji presentation (or text turned emoji by VS16) is 2 wide for the whole cluster.
            if scalar.value == 0xFE0F || scalar.properties.isEmojiPresentation { return 2 }
            if base == nil {
                let w = scalarWidth(scalar)
                if w > 0 { base = w }
            }
        }
        return base ?? 0
    }

    /// `s` cut to at most `columns` columns, ending in `ellipsis` when something was cut.
    /// Never splits a grapheme: a wide character that would straddle the limit is left out
    /// whole, so the result may be one column narrower than `columns`.
    public static func truncate(_ s: String, to columns: Int, ellipsis: String = "…") -> String {
        guard columns > 0 else { return "" }
        if of(s) <= columns { return s }
        let ellipsisWidth = of(ellipsis)
        guard ellipsisWidth <= columns else { return "" }
        let room = columns - ellipsisWidth
        if isPrintableASCII(s) { return String(decoding: s.utf8.prefix(room), as: UTF8.self) + ellipsis }
        var result = ""
        var used = 0
        for character in s {
            let w = of(character)
            if used + w > room { break }
            result.append(character)
            used += w
        }
        return result + ellipsis
    }

    /// `s` truncated to `columns` and padded with spaces to exactly `columns` columns.
    public static func fit(_ s: String, to columns: Int, ellipsis: String = "…") -> String {
        let cut = truncate(s, to: columns, ellipsis: ellipsis)
        let missing = columns - of(cut)
        return missing > 0 ? cut + String(repeating: " ", count: missing) : cut
    }

    /// Every byte a printable ASCII character (space to `~`): one column each, one grapheme each.
    public static func isPrintableASCII(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isPrintableASCII) }
            ?? s.utf8.allSatisfy(isPrintableASCII)
    }

    private static func isPrintableASCII(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F
    }

    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
            return 0
        default:
            break
        }
        // Hangul medial vowels and final consonants join the preceding initial.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        return EastAsianWide.contains(value) ? 2 : 1
    }
}
