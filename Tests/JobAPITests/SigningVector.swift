import Foundation
import Testing
import JobModel
@testable import JobAPI

/// One case of `Fixtures/signing-vectors.json`, read as plain JSON so that the test builds the
/// request from the vector's input exactly as the brief describes.
struct SigningVector: Sendable, CustomTestStringConvertible {
    let name: String
    let json: JSONValue

    var testDescription: String { name }

    var input: JSONValue { json["input"] ?? .null }
    var expected: JSONValue { json["expected"] ?? .null }

    func inputText(_ key: String) -> String? { input[key]?.text }
    func expectedText(_ key: String) -> String? {
        if case .string(let s)? = expected[key] { return s }
        return nil
    }

    /// Query parameters: int → decimal, bool → "true"/"false", list → one item per element.
    var queryItems: [SigningRequest.QueryItem] {
        guard case .array(let pairs)? = input["query_params"] else { return [] }
        var items: [SigningRequest.QueryItem] = []
        for case .array(let pair) in pairs where pair.count == 2 {
            guard case .string(let name) = pair[0] else { continue }
            switch pair[1] {
            case .array(let values):
                items += values.map { .init(name, Self.queryText($0)) }
            default:
                items.append(.init(name, Self.queryText(pair[1])))
            }
        }
        return items
    }

    static func queryText(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): s
        case .bool(let b): b ? "true" : "false"
        case .number(let n): String(Int64(n))
        default: ""
        }
    }

    /// Headers in the order the file gives them (JSONValue objects are dictionaries, so the
    /// order is taken from the raw text: the signer must not depend on it anyway).
    func headers(_ key: String = "headers") -> [SigningRequest.Header] {
        guard case .object(let object)? = input[key] else { return [] }
        return object.sorted { $0.key < $1.key }.compactMap { name, value in
            guard case .string(let s) = value else { return nil }
            return .init(name, s)
        }
    }

    /// string → UTF-8 bytes; null → empty.
    var body: [UInt8] {
        if case .string(let s)? = input["body"] { return Array(s.utf8) }
        return []
    }

    var accessKey: Credential.AccessKey {
        Credential.AccessKey(
            accessKeyID: inputText("ak") ?? "",
            secretKey: Secret(inputText("sk") ?? ""),
            securityToken: inputText("security_token").map(Secret.init)
        )
    }

    static func load(_ group: String) -> [SigningVector] {
        guard let url = Bundle.module.url(forResource: "signing-vectors", withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url),
              let root = try? JSONValue.parse(data),
              case .array(let items)? = root[group]
        else { return [] }
        return items.map { SigningVector(name: $0["name"]?.text ?? "?", json: $0) }
    }

    /// Vectors 1–12: every `SDK-HMAC-SHA256` one (the `info_*` SM3/V11 ones are information only).
    static let sdkHMACSHA256: [SigningVector] = load("vectors").filter {
        !$0.name.hasPrefix("info_") && $0.inputText("algorithm") == "SDK-HMAC-SHA256"
    }

    static let goCrossChecks: [SigningVector] = load("external_cross_checks")
}
