import Foundation
import JobModel

/// Any JSON value. Lets decoding accept whatever shape the API sends and decide field by field.
package enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses JSON text as jq, Python and Go read it: a key given twice keeps its last value
    /// (`JSONDecoder` keeps the first), and invalid UTF-8 — a Chinese reason cut mid-character —
    /// reads as U+FFFD instead of making the whole body "not JSON". Throws for text that is not JSON.
    package static func parse(_ data: Data) throws -> JSONValue {
        let text = String(validating: data, as: UTF8.self) == nil ? Data(String(decoding: data, as: UTF8.self).utf8) : data
        return try JSONValue(foundation: JSONSerialization.jsonObject(with: text, options: [.fragmentsAllowed]))
    }

    /// A value as `JSONSerialization` gives it.
    init(foundation value: Any) throws {
        switch value {
        case is NSNull:
            self = .null
        case let text as String:
            self = .string(text)
        case let number as NSNumber:
            // A JSON true/false is the only NSNumber of type char.
            self = String(cString: number.objCType) == "c" ? .bool(number.boolValue) : .number(number.doubleValue)
        case let items as [Any]:
            self = .array(try items.map(JSONValue.init(foundation:)))
        case let members as [String: Any]:
            self = .object(try members.mapValues(JSONValue.init(foundation:)))
        default:
            throw CocoaError(.propertyListReadCorrupt)
        }
    }

    package subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    package var objectValue: [String: JSONValue]? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// A string, or a number/bool rendered as text; `nil` for null, "" and containers.
    package var text: String? {
        switch self {
        case .string(let s): return s.isEmpty ? nil : s
        case .number(let n): return n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// Compact JSON text (keys sorted), for values shown or kept as text.
    package var compactText: String {
        switch self {
        case .null: return "null"
        case .object, .array:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? ""
        case .string(let s): return s
        default: return text ?? ""
        }
    }
}

extension JSONValue: Codable {
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? container.decode(Double.self) {
            self = .number(n)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .number(let n): try container.encode(n)
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }
}
