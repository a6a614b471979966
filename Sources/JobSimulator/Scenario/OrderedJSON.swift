import JobModel
/// JSON written with keys in the order given, so bodies look exactly like the API's
/// (the doc's key order, `null` versus absent, `""` while running).
indirect enum OrderedJSON: Sendable, Hashable {
    case null
    case string(String)
    case int(Int)
    /// A fraction such as IMS's `process_percent`, written shortest-form (`0.4`, `1.0`).
    case number(Double)
    case array([OrderedJSON])
    case object([Member])

    struct Member: Sendable, Hashable {
        var key: String
        var value: OrderedJSON
        init(_ key: String, _ value: OrderedJSON) {
            self.key = key
            self.value = value
        }
    }

    var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .null:
            out += "null"
        case .string(let s):
            Self.writeString(s, into: &out)
        case .int(let n):
            out += String(n)
        case .number(let x):
            out += x.isFinite ? String(x) : "null"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                Self.writeString(member.key, into: &out)
                out += ":"
                member.value.write(into: &out)
            }
            out += "}"
        }
    }

    /// Non-ASCII is written as UTF-8, as the API does (Chinese messages arrive unescaped).
    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
