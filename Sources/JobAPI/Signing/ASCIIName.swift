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

    static func equal(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && zip(a.utf8, b.utf8).allSatisfy { lower($0) == lower($1) }
            || (!(a.utf8.allSatisfy { $0 < 0x80 } && b.utf8.allSatisfy { $0 < 0x80 }) && a.lowercased() == b.lowercased())
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
