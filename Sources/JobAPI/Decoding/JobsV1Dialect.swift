import Foundation
import JobModel

/// `GET /v1/{project_id}/jobs/{job_id}` of BMS, ECS, EVS, IMS and VPC: `{status, job_id,
/// job_type, begin_time, end_time, error_code, fail_reason, entities: {sub_jobs…}}`.
enum JobsV1Dialect: JobDialect {
    static func job(from json: JSONValue, words: [String: JobStatus.Outcome]) throws(JobDecodingProblem) -> Job {
        guard json["status"]?.text != nil else { throw .missingStatus }
        return Job(v1: json, words: words)
    }
}

extension Job {
    /// Builds a job from any JSON value, taking what is there and ignoring wrong types.
    init(v1 json: JSONValue, words: [String: JobStatus.Outcome]) {
        self.init(
            id: json["job_id"]?.text,
            type: json["job_type"]?.text,
            status: JobStatus(raw: json["status"]?.text ?? "", words: words),
            beginTime: JobTimestamp.parse(json["begin_time"]?.text),
            endTime: JobTimestamp.parse(json["end_time"]?.text),
            errorCode: json["error_code"]?.text,
            failReason: json["fail_reason"]?.text,
            message: json["message"]?.text,
            code: json["code"]?.text,
            entities: JobEntities(json: json["entities"], words: words)
        )
    }
}

extension JobEntities {
    /// Keys shown first, in this order; all others follow alphabetically.
    static let preferredOrder = ["server_id", "nic_id", "volume_id", "image_id"]

    /// Accepts an object, or an array of objects merged into one list of entities.
    init(json: JSONValue?, words: [String: JobStatus.Outcome]) {
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
                return Job(v1: item, words: words)
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
