import Foundation
import JobModel
import JobAPI

/// Reads job IDs from text a script hands over: one per line (blank lines and `#` comments
/// skipped, an optional label after whitespace), or the JSON the cloud returns when a job is
/// created — `{"job_id": "…"}`, a list of those, or any JSON holding `job_id` keys.
public enum JobIDText {
    public struct Item: Sendable, Hashable {
        public var id: String
        public var label: String?

        public init(id: String, label: String? = nil) {
            self.id = id
            self.label = label
        }
    }

    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String
    }

    /// - Parameter numberLines: add `:line` to `source` in messages (off when the caller
    ///   passes one line at a time and numbers it itself).
    public static func parse(_ text: String, source: String, numberLines: Bool = true) throws(Problem) -> [Item] {
        // A UTF-8 byte order mark, as Windows editors write one (the config accepts it too).
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            return try parseJSON(trimmed, source: source)
        }
        var items: [Item] = []
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
            let id = String(parts[0])
            if let problem = JobID.problem(with: id) {
                let place = numberLines ? "\(source):\(index + 1)" : source
                throw Problem(description: "\(place): job ID \(JobID.quoted(id)) \(problem) — one job ID per line, optionally followed by a label")
            }
            let label = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : nil
            items.append(Item(id: id, label: label?.isEmpty == false ? label : nil))
        }
        return items
    }

    static func parseJSON(_ text: String, source: String) throws(Problem) -> [Item] {
        // Several JSON documents one after another (one per created job) are accepted too.
        let documents = text.split(separator: "\n").map(String.init)
        var values: [JSONValue] = []
        if let whole = try? JSONValue.parse(Data(text.utf8)) {
            values = [whole]
        } else {
            for (index, document) in documents.enumerated() where !document.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let value = try? JSONValue.parse(Data(document.utf8)) else {
                    throw Problem(description: "\(source):\(index + 1): not valid JSON — give job IDs one per line, or the JSON the API returned")
                }
                values.append(value)
            }
        }
        var items: [Item] = []
        for value in values { collect(value, into: &items) }
        if items.isEmpty {
            throw Problem(description: "\(source): JSON without any \"job_id\" — give job IDs one per line, or the JSON the API returned")
        }
        for item in items {
            if let problem = JobID.problem(with: item.id) {
                throw Problem(description: "\(source): job ID \(JobID.quoted(item.id)) \(problem)")
            }
        }
        return items
    }

    private static func collect(_ value: JSONValue, into items: inout [Item]) {
        switch value {
        case .object(let object):
            if case .string(let id)? = object["job_id"] {
                items.append(Item(id: id, label: nil))
                return
            }
            for key in object.keys.sorted() { collect(object[key]!, into: &items) }
        case .array(let array):
            for element in array { collect(element, into: &items) }
        default:
            break
        }
    }
}
