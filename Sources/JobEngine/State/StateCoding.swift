import Foundation
import JobModel

/// How values are stored in the database's text columns: the JSON the state file had, keys
/// sorted so the same value is always the same text (a save compares texts).
enum StateCoding {
    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601withFractions
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func value<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601withFractions
        return try decoder.decode(type, from: Data(text.utf8))
    }

    static func key(_ key: JobKey) -> String {
        (try? text(key)) ?? key.description
    }

    static func jobKey(_ text: String) -> JobKey? {
        try? value(JobKey.self, from: text)
    }
}
