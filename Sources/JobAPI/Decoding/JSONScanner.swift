import Foundation

/// One pass over the bytes of a JSON text, for readers that decode straight into the model
/// (`JobsV1Reader`, `CCEReader`) without building a `JSONValue` tree first.
///
/// It reads strictly what it reads exactly as `JSONDecoder` does, and says `Unsure` for the
/// rest: trailing commas and duplicate keys (which `JSONDecoder` accepts, keeping the first),
/// escaped keys, numbers with an exponent (its range rules are its own: `1e-400` and `0e5` fail,
/// `-0.0e-400` passes), invalid UTF-8 or escapes, nesting past `maxDepth`. The caller then takes
/// the tolerant path through `JSONValue`, which decides. Every value it skips is still checked,
/// so a text it reads to the end is one `JSONDecoder` takes too.
struct JSONScanner {
    /// Not read here: the tolerant path decides.
    struct Unsure: Error {}

    /// A string as it sits in the text: bytes to use as they are (valid UTF-8, no escapes), or
    /// the decoded text when it had escapes.
    enum Span {
        case raw(Range<Int>)
        case decoded(String)
    }

    enum Kind {
        case object, array, string, number, bool, null
    }

    /// Well below `JSONDecoder`'s 512, which fails the text rather than the value.
    static let maxDepth = 400

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var at = 0
    private var depth = 0
    /// Decoded escapes are written here; kept between strings so a body needs one buffer.
    private var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// What a whole text is.
    enum Document {
        case value(JSONValue)
        /// Sure not to be JSON: it starts with a byte no JSON text starts with.
        case notJSON
        case unsure
    }

    static func document(_ text: String) -> Document {
        var text = text
        return text.withUTF8 { (bytes: UnsafeBufferPointer<UInt8>) -> Document in
            var scanner = JSONScanner(bytes)
            scanner.skipWhitespace()
            // Blank, or an ASCII byte that starts no value: `JSONDecoder` fails it too.
            guard scanner.at < bytes.count else { return .notJSON }
            let first = bytes[scanner.at]
            if first != 0, first < 0x80, !Self.valueStarts.contains(first) { return .notJSON }
            do {
                let value = try scanner.readValue()
                try scanner.finish()
                return .value(value)
            } catch {
                return .unsure
            }
        }
    }

    private static let valueStarts = Set("{[\"-0123456789tfn".utf8)

    // MARK: - Structure

    /// The kind of the next value, without reading it.
    mutating func kind() throws(Unsure) -> Kind {
        switch try peek() {
        case UInt8(ascii: "{"): .object
        case UInt8(ascii: "["): .array
        case UInt8(ascii: "\""): .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): .bool
        case UInt8(ascii: "n"): .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): .number
        default: throw Unsure()
        }
    }

    /// Enters an object or an array (`{` or `[` is next).
    mutating func enter() throws(Unsure) {
        depth += 1
        guard depth <= Self.maxDepth else { throw Unsure() }
        at += 1
    }

    /// The next key of the object entered (its bytes: never escaped, valid UTF-8), or `nil`
    /// after its `}`. `first` is true before the first key.
    mutating func nextKey(_ first: inout Bool) throws(Unsure) -> Range<Int>? {
        guard try nextMember(closing: UInt8(ascii: "}"), &first) else { return nil }
        guard try peek() == UInt8(ascii: "\"") else { throw Unsure() }
        at += 1
        let start = at
        var ascii = true
        while true {
            guard at < bytes.count else { throw Unsure() }
            let b = bytes[at]
            if b == UInt8(ascii: "\"") { break }
            guard b != UInt8(ascii: "\\"), b >= 0x20 else { throw Unsure() }
            if b >= 0x80 { ascii = false }
            at += 1
        }
        let key = start..<at
        at += 1
        if !ascii { guard String(validating: slice(key), as: UTF8.self) != nil else { throw Unsure() } }
        guard try peek() == UInt8(ascii: ":") else { throw Unsure() }
        at += 1
        return key
    }

    /// Whether the array entered has another element (then it is next); `false` after its `]`.
    mutating func nextElement(_ first: inout Bool) throws(Unsure) -> Bool {
        try nextMember(closing: UInt8(ascii: "]"), &first)
    }

    /// Past the container's closing byte (`false`), or past the `,` before its next member
    /// (`true`; none before the first). A trailing comma is not what JSONDecoder reads: unsure.
    private mutating func nextMember(closing: UInt8, _ first: inout Bool) throws(Unsure) -> Bool {
        let byte = try peek()
        if byte == closing {
            close()
            return false
        }
        if first {
            first = false
            return true
        }
        guard byte == UInt8(ascii: ",") else { throw Unsure() }
        at += 1
        guard try peek() != closing else { throw Unsure() }
        return true
    }

    /// Nothing but whitespace is left.
    mutating func finish() throws(Unsure) {
        skipWhitespace()
        guard at == bytes.count else { throw Unsure() }
    }

    /// Whether `key` (from `nextKey`) is `name`.
    func key(_ key: Range<Int>, is name: StaticString) -> Bool {
        key.count == name.utf8CodeUnitCount && memcmp(bytes.baseAddress! + key.lowerBound, name.utf8Start, key.count) == 0
    }

    /// The bytes of a range of the text.
    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: slice(range), as: UTF8.self)
    }

    // MARK: - Values

    /// A string value (`"` is next).
    mutating func span() throws(Unsure) -> Span {
        at += 1
        let start = at
        var ascii = true
        while true {
            guard at < bytes.count else { throw Unsure() }
            let b = bytes[at]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") { return .decoded(try unescaping(from: start)) }
            guard b >= 0x20 else { throw Unsure() }
            if b >= 0x80 { ascii = false }
            at += 1
        }
        let range = start..<at
        at += 1
        if !ascii { guard String(validating: slice(range), as: UTF8.self) != nil else { throw Unsure() } }
        return .raw(range)
    }

    func string(_ span: Span) -> String {
        switch span {
        case .raw(let range): string(range)
        case .decoded(let text): text
        }
    }

    mutating func readString() throws(Unsure) -> String {
        string(try span())
    }

    /// A number without exponent (`-`, a digit is next), as `JSONDecoder` reads it.
    mutating func readNumber() throws(Unsure) -> Double {
        let start = at
        if bytes[at] == UInt8(ascii: "-") { at += 1 }
        guard at < bytes.count else { throw Unsure() }
        if bytes[at] == UInt8(ascii: "0") {
            at += 1
        } else {
            guard try digits() > 0 else { throw Unsure() }
        }
        var integral = true
        if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
            at += 1
            guard try digits() > 0 else { throw Unsure() }
            integral = false
        }
        if at < bytes.count, bytes[at] | 0x20 == UInt8(ascii: "e") { throw Unsure() }
        let text = slice(start..<at)
        // Up to 15 digits an integer is exact in a Double: no text-to-double conversion needed.
        if integral, text.count <= 15 {
            var value = 0
            for b in text where b != UInt8(ascii: "-") { value = value * 10 + Int(b - UInt8(ascii: "0")) }
            return text[0] == UInt8(ascii: "-") ? -Double(value) : Double(value)
        }
        guard let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite else { throw Unsure() }
        return value
    }

    mutating func readBool() throws(Unsure) -> Bool {
        if literal("true") { return true }
        if literal("false") { return false }
        throw Unsure()
    }

    mutating func readNull() throws(Unsure) {
        guard literal("null") else { throw Unsure() }
    }

    /// Any value, checked, and dropped.
    mutating func skipValue() throws(Unsure) {
        switch try kind() {
        case .string: _ = try span()
        case .number: _ = try readNumber()
        case .bool: _ = try readBool()
        case .null: try readNull()
        case .object:
            try enter()
            var first = true
            while try nextKey(&first) != nil { try skipValue() }
        case .array:
            try enter()
            var first = true
            while try nextElement(&first) { try skipValue() }
        }
    }

    /// Any value, as `JSONValue.parse` would give it.
    mutating func readValue() throws(Unsure) -> JSONValue {
        switch try kind() {
        case .string: return .string(try readString())
        case .number: return .number(try readNumber())
        case .bool: return .bool(try readBool())
        case .null:
            try readNull()
            return .null
        case .object:
            try enter()
            var object: [String: JSONValue] = [:]
            var first = true
            while let key = try nextKey(&first) {
                let value = try readValue()
                guard object.updateValue(value, forKey: string(key)) == nil else { throw Unsure() }
            }
            return .object(object)
        case .array:
            try enter()
            var items: [JSONValue] = []
            var first = true
            while try nextElement(&first) { items.append(try readValue()) }
            return .array(items)
        }
    }

    /// `JSONValue.text` of the next value: strings (but ""), numbers and bools as text; `nil`
    /// for null and containers.
    mutating func readText() throws(Unsure) -> String? {
        switch try kind() {
        case .string:
            let text = try readString()
            return text.isEmpty ? nil : text
        case .number: return JSONValue.number(try readNumber()).text
        case .bool: return try readBool() ? "true" : "false"
        default:
            try skipValue()
            return nil
        }
    }

    // MARK: - Pieces

    private mutating func skipWhitespace() {
        while at < bytes.count {
            switch bytes[at] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): at += 1
            default: return
            }
        }
    }

    /// The next byte after whitespace, not consumed.
    private mutating func peek() throws(Unsure) -> UInt8 {
        skipWhitespace()
        guard at < bytes.count else { throw Unsure() }
        return bytes[at]
    }

    private mutating func close() {
        at += 1
        depth -= 1
    }

    private mutating func digits() throws(Unsure) -> Int {
        let start = at
        while at < bytes.count, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9") { at += 1 }
        return at - start
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count - at >= count, memcmp(bytes.baseAddress! + at, word.utf8Start, count) == 0 else { return false }
        at += count
        return true
    }

    /// The rest of a string with escapes, from `start` (its first byte); `at` is on the first `\`.
    private mutating func unescaping(from start: Int) throws(Unsure) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: slice(start..<at))
        while true {
            guard at < bytes.count else { throw Unsure() }
            let b = bytes[at]
            at += 1
            switch b {
            case UInt8(ascii: "\""):
                guard let text = String(validating: scratch, as: UTF8.self) else { throw Unsure() }
                return text
            case UInt8(ascii: "\\"):
                try unescapeOne()
            case ..<0x20:
                throw Unsure()
            default:
                scratch.append(b)
            }
        }
    }

    /// One escape after its `\`, appended to `scratch` as UTF-8.
    private mutating func unescapeOne() throws(Unsure) {
        guard at < bytes.count else { throw Unsure() }
        let b = bytes[at]
        at += 1
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(b)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var value = try hex4()
            switch value {
            case 0xD800...0xDBFF:
                // A high surrogate must be followed by an escaped low one: together one scalar.
                guard literal("\\u") else { throw Unsure() }
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw Unsure() }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            case 0xDC00...0xDFFF:
                throw Unsure()
            default:
                break
            }
            guard let scalar = Unicode.Scalar(value) else { throw Unsure() }
            UTF8.encode(scalar) { scratch.append($0) }
        default:
            throw Unsure()
        }
    }

    private mutating func hex4() throws(Unsure) -> UInt32 {
        guard bytes.count - at >= 4 else { throw Unsure() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[at]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw Unsure()
            }
            value = value << 4 | UInt32(digit)
            at += 1
        }
        return value
    }
}
