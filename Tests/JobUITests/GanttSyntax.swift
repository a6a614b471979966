import Foundation

/// A small checker of the Mermaid gantt lines the report writes: each line is `gantt`,
/// `title`, `dateFormat`, `axisFormat`, `section NAME` or a task
/// `NAME : [crit, |done, |active, ]id?, START, END-or-DURATION`.
struct GanttSyntax {
    struct Task: Equatable {
        var name: String
        var tag: String?
        var id: String?
        var start: Date
        var end: Date
    }

    var sections: [String] = []
    var tasks: [(section: String, task: Task)] = []

    enum Problem: Error, CustomStringConvertible {
        case line(Int, String, String)
        var description: String {
            if case .line(let n, let text, let why) = self { return "line \(n) \(text.debugDescription): \(why)" }
            return ""
        }
    }

    static func parse(_ lines: [String]) throws(Problem) -> GanttSyntax {
        var result = GanttSyntax()
        guard lines.first == "gantt" else { throw .line(0, lines.first ?? "", "must start with gantt") }
        let dates = DateFormatter()
        dates.locale = Locale(identifier: "en_US_POSIX")
        dates.timeZone = TimeZone(identifier: "UTC")
        dates.dateFormat = "yyyy-MM-dd HH:mm:ss"
        var format: String?
        for (n, raw) in lines.enumerated().dropFirst() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard raw.hasPrefix("    "), !line.isEmpty else { throw .line(n, raw, "indented, not empty") }
            if line.hasPrefix("title ") { continue }
            if line.hasPrefix("dateFormat ") { format = String(line.dropFirst(11)); continue }
            if line.hasPrefix("axisFormat ") { continue }
            if line.hasPrefix("section ") {
                result.sections.append(String(line.dropFirst(8)))
                continue
            }
            guard format == "YYYY-MM-DD HH:mm:ss" else { throw .line(n, raw, "task before dateFormat") }
            guard let section = result.sections.last else { throw .line(n, raw, "task outside a section") }
            let halves = line.split(separator: ":", maxSplits: 1)
            guard halves.count == 2 else { throw .line(n, raw, "no ':' between name and data") }
            let name = halves[0].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains("#"), !name.contains(";") else { throw .line(n, raw, "bad name") }
            var fields = halves[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            var tag: String?
            if let first = fields.first, ["crit", "done", "active"].contains(first) {
                tag = first
                fields.removeFirst()
            }
            guard fields.count == 2 || fields.count == 3 else { throw .line(n, raw, "expected [id,] start, end") }
            let id = fields.count == 3 ? fields[0] : nil
            if let id, id.isEmpty || id.contains(" ") { throw .line(n, raw, "bad id") }
            guard let start = dates.date(from: fields[fields.count - 2]) else { throw .line(n, raw, "bad start") }
            let endText = fields[fields.count - 1]
            let end: Date
            if let date = dates.date(from: endText) {
                end = date
            } else if let match = endText.wholeMatch(of: /(\d+)(ms|s|m|h|d|w)/), let amount = Double(match.1) {
                let unit: Double = ["ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604_800][String(match.2)]!
                end = start.addingTimeInterval(amount * unit)
            } else {
                throw .line(n, raw, "bad end or duration")
            }
            guard end > start else { throw .line(n, raw, "ends before it starts") }
            result.tasks.append((section, Task(name: name, tag: tag, id: id, start: start, end: end)))
        }
        return result
    }

    /// The `mermaid` fenced blocks of a Markdown text.
    static func blocks(in markdown: [String]) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]?
        for line in markdown {
            if line == "```mermaid" { current = []; continue }
            if line == "```", let block = current { blocks.append(block); current = nil; continue }
            current?.append(line)
        }
        return blocks
    }
}
