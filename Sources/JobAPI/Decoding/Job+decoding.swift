import Foundation
import JobModel

/// Why a 200 response body is not a job.
public enum JobDecodingProblem: Error, Sendable, Hashable, CustomStringConvertible {
    case notJSON(bodyPrefix: String)
    case notAnObject
    case missingStatus

    public var description: String {
        switch self {
        case .notJSON(let prefix): "the body is not JSON (starts with \(prefix.debugDescription))"
        case .notAnObject: "the body is JSON but not an object"
        case .missingStatus: "the body has no \"status\" field"
        }
    }
}

extension Job {
    /// Decodes a job from a 200 response body.
    ///
    /// Tolerant of every shape the API is known to send; a body without `status` is an error,
    /// never a job with no status.
    public static func decode(_ body: Data) throws(JobDecodingProblem) -> Job {
        let json: JSONValue
        do {
            json = try JSONValue.parse(body)
        } catch {
            throw .notJSON(bodyPrefix: BodyPrefix.of(body))
        }
        guard case .object = json else { throw .notAnObject }
        guard json["status"]?.text != nil else { throw .missingStatus }
        return Job(json: json)
    }

    /// Builds a job from any JSON value, taking what is there and ignoring wrong types.
    public init(json: JSONValue) {
        self.init(
            id: json["job_id"]?.text,
            type: json["job_type"]?.text,
            status: JobStatus(raw: json["status"]?.text ?? ""),
            beginTime: JobTimestamp.parse(json["begin_time"]?.text),
            endTime: JobTimestamp.parse(json["end_time"]?.text),
            errorCode: json["error_code"]?.text,
            failReason: json["fail_reason"]?.text,
            message: json["message"]?.text,
            code: json["code"]?.text,
            entities: JobEntities(json: json["entities"])
        )
    }
}

extension JobEntities {
    /// Keys shown first, in this order; all others follow alphabetically.
    static let preferredOrder = ["server_id", "nic_id", "volume_id", "image_id"]

    /// Accepts an object, or an array of objects merged into one list of entities.
    init(json: JSONValue?) {
        var fields: [String: JSONValue] = [:]
        switch json {
        case .object(let object):
            fields = object
        case .array(let items):
            for case .object(let object) in items {
                fields.merge(object) { first, _ in first }
            }
        default:
            break
        }

        var subJobs: [Job] = []
        if case .array(let items)? = fields["sub_jobs"] {
            subJobs = items.compactMap { item in
                guard case .object = item else { return nil }
                return Job(json: item)
            }
        }
        var subJobsTotal: Int?
        if case .number(let n)? = fields["sub_jobs_total"], n >= 0, n < 1e9 { subJobsTotal = Int(n) }
        if case .string(let s)? = fields["sub_jobs_total"], let n = Int(s), n >= 0 { subJobsTotal = n }

        var errorMessage: ErrorcodeMessage?
        if let raw = fields["errorcode_message"], raw != .null {
            errorMessage = ErrorcodeMessage(json: raw)
        }

        let reserved: Set = ["sub_jobs", "sub_jobs_total", "errorcode_message"]
        let attributes = fields
            .filter { !reserved.contains($0.key) && $0.value != .null }
            .map { EntityAttribute(key: $0.key, value: $0.value.compactText) }
            .filter { !$0.value.isEmpty }
            .sorted(by: Self.displayOrder)

        self.init(subJobsTotal: subJobsTotal, subJobs: subJobs, attributes: attributes, errorMessage: errorMessage)
    }

    static func displayOrder(_ a: EntityAttribute, _ b: EntityAttribute) -> Bool {
        let ia = preferredOrder.firstIndex(of: a.key) ?? preferredOrder.count
        let ib = preferredOrder.firstIndex(of: b.key) ?? preferredOrder.count
        return ia != ib ? ia < ib : a.key < b.key
    }
}

extension ErrorcodeMessage {
    /// `errorcode_message` is often JSON inside a string, e.g.
    /// `{"forbidden": {"code": 403, "message": "Quota exceeded…"}}`: the inner message is extracted.
    init(json: JSONValue) {
        let raw = json.compactText
        var inner = json
        if case .string(let text) = json,
           let parsed = try? JSONValue.parse(Data(text.utf8)),
           case .object = parsed {
            inner = parsed
        }
        if case .object = inner {
            let found = ErrorFields.find(in: inner)
            self.init(raw: raw, code: found?.code, message: found?.message ?? raw)
        } else {
            self.init(raw: raw, code: nil, message: raw.isEmpty ? nil : raw)
        }
    }
}
