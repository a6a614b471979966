import Foundation
import JobModel
import JobAPI

/// One value of the config file and where it is (`profiles.prod.region`), so that every
/// error names the exact place. Values are never echoed in errors: they could be secrets.
struct ConfigNode {
    let value: JSONValue
    /// The key path; empty for the top level.
    let path: String
    let fileName: String

    func error(_ message: String) -> ConfigError {
        ConfigError(fileName: fileName, location: path.isEmpty ? nil : path, message: message)
    }

    // MARK: - Children

    /// The object's members, after checking every key is known (or saying which it meant).
    /// A `null` value counts as absent.
    func members(known: [String]) throws(ConfigError) -> [String: ConfigNode] {
        guard case .object(let object) = value else { throw error("expected an object {…}") }
        var members: [String: ConfigNode] = [:]
        for key in object.keys.sorted() {
            let child = self.child(key, object[key] ?? .null)
            if let problem = ConfigKeyCheck.problem(with: key, known: known) { throw child.error(problem) }
            if !child.isNull { members[key] = child }
        }
        return members
    }

    /// An object whose keys are names the user chose (profile names).
    func namedMembers() throws(ConfigError) -> [(name: String, node: ConfigNode)] {
        guard case .object(let object) = value else { throw error("expected an object {…}") }
        return object.keys.sorted().map { ($0, child($0, object[$0] ?? .null)) }
    }

    func elements() throws(ConfigError) -> [ConfigNode] {
        guard case .array(let items) = value else { throw error("expected a list […]") }
        return items.enumerated().map { ConfigNode(value: $0.element, path: "\(path)[\($0.offset)]", fileName: fileName) }
    }

    func child(_ key: String, _ value: JSONValue) -> ConfigNode {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        let segment = plain ? key : "[\(key.debugDescription)]"
        let childPath = path.isEmpty ? segment : (plain ? "\(path).\(segment)" : "\(path)\(segment)")
        return ConfigNode(value: value, path: childPath, fileName: fileName)
    }

    // MARK: - Scalars

    var isNull: Bool { value == .null }

    func string() throws(ConfigError) -> String {
        guard case .string(let text) = value else { throw error("expected a string") }
        return text
    }

    func nonEmptyString() throws(ConfigError) -> String {
        let text = try string().trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw error("is empty — give a value or remove the key") }
        return text
    }

    /// A service's name or alias (`ecs`, `eip`), any case.
    func service() throws(ConfigError) -> Service {
        let text = try nonEmptyString()
        guard let service = Service.named(text) else { throw error(Service.UnknownName(name: text).description) }
        return service
    }

    func bool() throws(ConfigError) -> Bool {
        guard case .bool(let flag) = value else { throw error("expected true or false") }
        return flag
    }

    func number(in range: ClosedRange<Double>, rangeText: String) throws(ConfigError) -> Double {
        guard case .number(let number) = value else { throw error("expected a number") }
        guard range.contains(number) else { throw error("must be \(rangeText)") }
        return number
    }

    func wholeNumber(in range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard case .number(let number) = value, number.rounded() == number, abs(number) < 1e9 else {
            throw error("expected a whole number")
        }
        guard range.contains(Int(number)) else { throw error("must be from \(range.lowerBound) to \(range.upperBound)") }
        return Int(number)
    }

    func duration(in range: ClosedRange<Duration>) throws(ConfigError) -> Duration {
        let hint = "expected a duration like \"10s\", \"5m\", \"1h30m\" or \"250ms\""
        guard case .string(let text) = value else { throw error(hint) }
        guard let duration = DurationText.parse(text) else { throw error(hint) }
        guard range.contains(duration) else {
            throw error("must be from \(DurationText.format(range.lowerBound)) to \(DurationText.format(range.upperBound))")
        }
        return duration
    }

    func choice<T>(_ choices: KeyValuePairs<String, T>) throws(ConfigError) -> T {
        let names = choices.map(\.key).joined(separator: ", ")
        guard case .string(let text) = value, let match = choices.first(where: { $0.key == text.lowercased() }) else {
            throw error("expected one of \(names)")
        }
        return match.value
    }

    /// A file path: `~` expanded, relative paths taken from the config file's folder.
    func path(relativeTo folder: String?) throws(ConfigError) -> String {
        let text = try nonEmptyString()
        let expanded = NSString(string: text).expandingTildeInPath
        guard !expanded.hasPrefix("/"), let folder else { return expanded }
        return NSString(string: folder).appendingPathComponent(expanded)
    }
}
