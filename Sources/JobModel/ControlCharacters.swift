/// C0 controls, DEL, C1 controls and the Unicode bidirectional controls: what a terminal (or a
/// web CI log) may act on instead of showing — an escape sequence, or a line shown reversed
/// from `U+202E` on (`"evil\u{202E}txt.exe"` reads `evilexe.txt`). One definition for
/// everything that keeps text from the outside off the terminal raw.
public enum ControlCharacters {
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || isBidirectional(scalar)
    }

    /// LRE, RLE, PDF, LRO, RLO (U+202A–U+202E), the isolates (U+2066–U+2069), LRM, RLM
    /// (U+200E, U+200F) and the Arabic letter mark (U+061C).
    public static func isBidirectional(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}
