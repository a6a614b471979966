/// Header names are ASCII tokens: compared and lower-cased byte by byte, with no Unicode case
/// tables and, for names up to 15 bytes (all the signed ones), no allocation.
enum ASCIIName {
    static func lowercased(_ name: String) -> String {
        guard name.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return name }
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return name.lowercased() }
        return String(unsafeUninitializedCapacity: name.utf8.count) { buffer in
            for (index, byte) in name.utf8.enumerated() { buffer[index] = lower(byte) }
            return name.utf8.count
        }
    }

    /// The method as the canonical request spells it; `GET` is returned as it is.
    static func uppercased(_ word: String) -> String {
        guard word.utf8.contains(where: { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return word }
        guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return word.uppercased() }
        return String(unsafeUninitializedCapacity: word.utf8.count) { buffer in
            for (index, byte) in word.utf8.enumerated() { buffer[index] = upper(byte) }
            return word.utf8.count
        }
    }

    /// `text.lowercased().hasPrefix(prefix)` for an ASCII `prefix`, without the lower-cased copy
    /// (non-ASCII text takes the Unicode way: a few letters lower-case into ASCII).
    static func hasPrefix(_ text: String, lowercased prefix: StaticString) -> Bool {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.lowercased().hasPrefix(prefix.description)
        }
        let wanted = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        return text.utf8.count >= wanted.count && zip(text.utf8, wanted).allSatisfy { lower($0) == $1 }
    }

    static func equal(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && zip(a.utf8, b.utf8).allSatisfy { lower($0) == lower($1) }
            || (!(a.utf8.allSatisfy { $0 < 0x80 } && b.utf8.allSatisfy { $0 < 0x80 }) && a.lowercased() == b.lowercased())
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private static func upper(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
    }
}
