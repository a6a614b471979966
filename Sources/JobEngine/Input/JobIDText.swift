import Foundation
import JobModel
import JobAPI

/// Reads job IDs from text a script hands over: one per line (blank lines and `#` comments
/// skipped, an optional label after whitespace, an optional `SERVICE/` before the ID as in
/// kubectl's `type/name`), or the JSON the cloud returns when a job is created
/// (`CreationResponse`): a whole document, or one per line.
public enum JobIDText {
    public struct Item: Sendable, Hashable {
        public var id: String
        /// The job's service when the text says it (`ecs/ID`, or the response's shape); `nil`
        /// for the profile's default.
        public var service: Service?
        public var label: String?

        public init(id: String, service: Service? = nil, label: String? = nil) {
            self.id = id
            self.service = service
            self.label = label
        }
    }

    /// What a text holds: jobs to watch, and notices about input that names none yet (an
    /// order awaiting payment), one line each.
    public struct Parsed: Sendable, Hashable {
        public var items: [Item]
        public var notices: [String]

        public init(items: [Item] = [], notices: [String] = []) {
            self.items = items
            self.notices = notices
        }

        static func += (a: inout Parsed, b: Parsed) {
            a.items += b.items
            a.notices += b.notices
        }
    }

    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// - Parameter numberLines: add `:line` to `source` in messages (off when the caller
    ///   passes one line at a time and numbers it itself).
    public static func parse(_ text: String, source: String, numberLines: Bool = true) throws(Problem) -> Parsed {
        // A UTF-8 byte order mark, as Windows editors write one (the config accepts it too).
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("["), let whole = try? JSONValue.parse(Data(trimmed.utf8)) {
            return try CreationResponse.read(whole, prefixed: nil, place: source)
        }
        var parsed = Parsed()
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            parsed += try parseLine(line, place: numberLines ? "\(source):\(index + 1)" : source)
        }
        return parsed
    }

    /// One job named on the command line: `ID` or `SERVICE/ID`.
    public static func argument(_ text: String) throws(Problem) -> Item {
        let (service, id) = try ServicePrefix.split(text)
        if let problem = JobID.problem(with: id) {
            throw Problem(description: "job ID \(JobID.quoted(id)) \(problem) — give the job_id the API returned, optionally as SERVICE/JOB_ID")
        }
        return Item(id: id, service: service)
    }

    /// `[SERVICE/]ID [label]`, or `[SERVICE/]JSON`: the prefix wins over what the JSON implies.
    private static func parseLine(_ line: String, place: String) throws(Problem) -> Parsed {
        var service: Service?
        var rest = Substring(line)
        if !(line.hasPrefix("{") || line.hasPrefix("[")) {
            let token = line.prefix { !$0.isWhitespace }
            if token.contains("/") {
                let id: String
                do {
                    (service, id) = try ServicePrefix.split(String(token))
                } catch {
                    throw Problem(description: "\(place): \(error.description)")
                }
                // `ecs/ label`: the label must not become the ID.
                if id.isEmpty {
                    throw Problem(description: "\(place): job ID \"\" is empty — write SERVICE/JOB_ID with no space after the /")
                }
                rest = Substring(id) + line.dropFirst(token.count)
            }
        }
        if rest.hasPrefix("{") || rest.hasPrefix("[") {
            guard let value = try? JSONValue.parse(Data(rest.utf8)) else {
                throw Problem(description: "\(place): not valid JSON — give job IDs one per line, or the JSON the API returned")
            }
            return try CreationResponse.read(value, prefixed: service, place: place)
        }
        let parts = rest.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
        let id = parts.first.map { String($0) } ?? ""
        if let problem = JobID.problem(with: id) {
            throw Problem(description: "\(place): job ID \(JobID.quoted(id)) \(problem) — one job ID per line, optionally followed by a label")
        }
        let label = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : nil
        return Parsed(items: [Item(id: id, service: service, label: label?.isEmpty == false ? label : nil)])
    }
}
