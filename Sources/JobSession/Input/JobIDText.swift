import Foundation
import JobModel
import JobAPI

/// Reads job IDs from text a script hands over: one per line (blank lines and `#` comments
/// skipped, an optional label after whitespace, an optional `SERVICE/` before the ID as in
/// kubectl's `type/name`), or the JSON the cloud returns when a job is created
/// (`CreationResponse`): a whole document, or one per line; or a log (`JobLogLine`): from its
/// first log line on, only the job queries its lines show, every other line skipped.
public enum JobIDText {
    /// What a text holds: jobs to watch, and notices about input that names none yet (an
    /// order awaiting payment), one line each.
    public struct Parsed: Sendable, Hashable {
        public var items: [JobReference]
        public var notices: [String]

        public init(items: [JobReference] = [], notices: [String] = []) {
            self.items = items
            self.notices = notices
        }

        static func += (a: inout Parsed, b: Parsed) {
            a.items += b.items
            a.notices += b.notices
        }
    }

    /// - Parameter numberLines: add `:line` to `source` in messages (off when the caller
    ///   passes one line at a time and numbers it itself).
    public static func parse(_ text: String, source: String, numberLines: Bool = true) throws(JobReference.Problem) -> Parsed {
        var isLog = false
        return try parse(text, source: source, numberLines: numberLines, isLog: &isLog)
    }

    /// - Parameter isLog: whether the source has shown a log line; kept by a caller that
    ///   hands over a source a line at a time (`JobsFileFollower`).
    public static func parse(_ text: String, source: String, numberLines: Bool = true, isLog: inout Bool) throws(JobReference.Problem) -> Parsed {
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
            parsed += try parseLine(line, place: numberLines ? "\(source):\(index + 1)" : source, isLog: &isLog)
        }
        return parsed
    }

    /// `[SERVICE/]ID [label]` (`JobReference`), or `[SERVICE/]JSON`: the prefix wins over what
    /// the JSON implies.
    private static func parseLine(_ line: String, place: String, isLog: inout Bool) throws(JobReference.Problem) -> Parsed {
        let logged = JobLogLine.references(in: line)
        if !logged.isEmpty {
            isLog = isLog || JobLogLine.isLogLine(line)
            return Parsed(items: logged)
        }
        if isLog || JobLogLine.isLogLine(line) {
            isLog = true
            return Parsed()
        }
        if line.contains("://") {
            throw JobReference.Problem(description: "\(place): a URL that is no job query — give job IDs one per line, or log lines with job-query URLs (TF_LOG=DEBUG)")
        }
        if line.hasPrefix("{") || line.hasPrefix("[") {
            return try json(Substring(line), prefixed: nil, place: place)
        }
        let token = String(line.prefix { !$0.isWhitespace })
        if let slash = token.firstIndex(of: "/"), let first = token[token.index(after: slash)...].first, first == "{" || first == "[" {
            let service: Service?
            do { (service, _) = try JobReference.splitService(token) } catch { throw error.at(place) }
            return try json(line[line.index(after: slash)...], prefixed: service, place: place)
        }
        do { return Parsed(items: [try JobReference(line: line)]) } catch { throw error.at(place) }
    }

    private static func json(_ text: Substring, prefixed: Service?, place: String) throws(JobReference.Problem) -> Parsed {
        guard let value = try? JSONValue.parse(Data(text.utf8)) else {
            throw JobReference.Problem(description: "\(place): not valid JSON — give job IDs one per line, or the JSON the API returned")
        }
        return try CreationResponse.read(value, prefixed: prefixed, place: place)
    }
}
