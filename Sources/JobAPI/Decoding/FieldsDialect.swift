import Foundation
import JobModel

/// Reads the families whose bodies `JobFields` describes (FAMILIES.md §1–§6): one tolerant reader
/// for all, through `JSONValue` (these bodies are one job each, rarely polled in thousands).
enum FieldsDialect {
    /// The job in a parsed 200 body; `noSuchJob` for an empty list (GeminiDB, DMS).
    static func job(from json: JSONValue, fields: JobFields, words: [String: JobStatus.Outcome]) throws(JobDecodingProblem) -> Job {
        let object = try unwrapped(json, fields.wrapper)
        guard text(object, fields.status) != nil else { throw .missingStatus }
        return Job(object, fields: fields, words: words, depth: 0)
    }

    private static func unwrapped(_ json: JSONValue, _ wrapper: JobFields.Wrapper) throws(JobDecodingProblem) -> JSONValue {
        switch wrapper {
        case .none:
            return json
        case .member(let key):
            guard let inner = json[key], case .object = inner else { throw .missingStatus }
            return inner
        case .firstOf(let key):
            return try first(of: json[key])
        case .memberOrFirstOf(let member, let list):
            if let inner = json[member], case .object = inner { return inner }
            return try first(of: json[list])
        }
    }

    private static func first(of list: JSONValue?) throws(JobDecodingProblem) -> JSONValue {
        guard case .array(let items)? = list else { throw .missingStatus }
        guard let first = items.first else { throw .noSuchJob }
        guard case .object = first else { throw .missingStatus }
        return first
    }

    /// The value at a dotted path (`error_info.message`, `entities.0.resource_type`).
    static func value(_ json: JSONValue, _ path: String) -> JSONValue? {
        var current: JSONValue? = json
        for part in path.split(separator: ".") {
            switch current {
            case .object(let members)?: current = members[String(part)]
            case .array(let items)?: current = Int(part).flatMap { items.indices.contains($0) ? items[$0] : nil }
            default: return nil
            }
        }
        return current
    }

    /// The first path whose value says something (not null, not blank), as text.
    static func text(_ json: JSONValue, _ paths: [String]) -> String? {
        for path in paths {
            if let text = value(json, path)?.text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty { return text }
        }
        return nil
    }

    static func text(_ json: JSONValue, _ path: String) -> String? { text(json, [path]) }
}

extension Job {
    /// Sub-jobs deeper than this are dropped, as CCE's are.
    static let fieldsMaxDepth = 8

    init(_ json: JSONValue, fields: JobFields, words: [String: JobStatus.Outcome], depth: Int) {
        let raw = FieldsDialect.text(json, fields.status) ?? ""
        let status = JobStatus(raw: fields.statusNames[raw] ?? raw, words: words)
        var attributes: [EntityAttribute] = []
        if let instance = fields.instance {
            // The instance's name titles the job (`JobTitle`), its ID is shown beneath.
            if let name = FieldsDialect.text(json, "\(instance).name") { attributes.append(EntityAttribute(key: "resource_name", value: name)) }
            if let id = FieldsDialect.text(json, "\(instance).id") { attributes.append(EntityAttribute(key: "instance_id", value: id)) }
        }
        for attribute in fields.attributes {
            if let value = FieldsDialect.text(json, attribute.path), !attributes.contains(where: { $0.key == attribute.name }) {
                attributes.append(EntityAttribute(key: attribute.name, value: value))
            }
        }
        var subJobs: [Job] = []
        if let key = fields.subJobs, depth < Self.fieldsMaxDepth, case .array(let items)? = json[key] {
            subJobs = items.compactMap { item in
                guard case .object = item else { return nil }
                return Job(item, fields: fields, words: words, depth: depth + 1)
            }
        }
        let progress = FieldsDialect.value(json, fields.progress.first { FieldsDialect.text(json, $0) != nil } ?? "")
            .flatMap(Self.percent(from:))
        self.init(
            id: FieldsDialect.text(json, fields.id),
            type: FieldsDialect.text(json, fields.type),
            status: status,
            beginTime: JobTimestamp.parse(FieldsDialect.text(json, fields.begin)),
            // Some families send an end time while running (DDS, GeminiDB): trusted only at the end.
            endTime: status.isTerminal ? JobTimestamp.parse(FieldsDialect.text(json, fields.end)) : nil,
            errorCode: FieldsDialect.text(json, fields.errorCode),
            failReason: FieldsDialect.text(json, fields.failReason),
            entities: JobEntities(subJobs: subJobs, attributes: attributes, progress: progress)
        )
    }

    /// `"60%"`, `"60"` or `60`: percent, unlike IMS's fraction.
    static func percent(from json: JSONValue) -> Double? {
        let number: Double?
        switch json {
        case .number(let n): number = n
        case .string(let text): number = Double(text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "%")))
        default: number = nil
        }
        guard let number, number.isFinite else { return nil }
        return min(1, max(0, number / 100))
    }
}
