/// One `String` per ASCII byte, made once: a cell of ASCII text takes its grapheme from here
/// instead of building it from a `Character`.
enum ASCIIGraphemes {
    private static let table: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }

    static func of(_ byte: UInt8) -> String {
        table[Int(byte & 0x7F)]
    }
}
