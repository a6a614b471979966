import Foundation
import JobModel

/// `GET /v1/{project_id}/jobs/{job_id}` of BMS, ECS, EVS, IMS and VPC: `{status, job_id,
/// job_type, begin_time, end_time, error_code, fail_reason, entities: {sub_jobs…}}`. IMS puts
/// its sub-jobs in `sub_jobs_result` and its progress in `process_percent`; EIP's `sub_jobs`
/// have no documented shape, so only objects among them are read.
enum JobsV1Dialect: JobDialect {
    static func job(bytes: UnsafeBufferPointer<UInt8>, words: [String: JobStatus.Outcome]) throws(JSONScanner.Unsure) -> Job? {
        var reader = JobsV1Reader(bytes, words: words)
        return try reader.topLevelJob()
    }

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
    static let preferredOrder = [
        "server_id", "nic_id", "volume_id", "image_id", "name", "image_name", "size", "volume_type", "current_task",
    ]

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
        for key in ["sub_jobs", "sub_jobs_result"] {
            guard case .array(let items)? = fields[key] else { continue }
            subJobs += items.compactMap { item in
                guard case .object = item else { return nil }
                return Job(v1: item, words: words)
            }
        }
        let subJobsTotal = Self.subJobsTotal(from: fields["sub_jobs_total"])

        var errorMessage: ErrorcodeMessage?
        if let raw = fields["errorcode_message"], raw != .null {
            errorMessage = ErrorcodeMessage(json: raw)
        }

        let progress = fields["process_percent"].flatMap(Self.progress(from:))

        // `sub_jobs_list` (IDs) and `results` (IMS batch) stay as compact JSON text.
        let reserved: Set = ["sub_jobs", "sub_jobs_result", "sub_jobs_total", "errorcode_message", "process_percent"]
        let attributes = fields
            .filter { !reserved.contains($0.key) && $0.value != .null }
            .map { EntityAttribute(key: $0.key, value: $0.value.compactText) }
            .filter { !$0.value.isEmpty }
            .sorted(by: Self.displayOrder)

        self.init(subJobsTotal: subJobsTotal, subJobs: subJobs, attributes: attributes, errorMessage: errorMessage, progress: progress)
    }

    /// `sub_jobs_total`: a count, as a number or a string of digits.
    static func subJobsTotal(from json: JSONValue?) -> Int? {
        if case .number(let n)? = json, n >= 0, n < 1e9 { return Int(n) }
        if case .string(let s)? = json, let n = Int(s), n >= 0 { return n }
        return nil
    }

    /// IMS `process_percent`, documented as a fraction (`0.20` is 20 %). A value over 1 up to 100
    /// can only be a percentage (no fraction exceeds 1), so it is divided by 100; `1` itself is
    /// read as done. Numbers given as strings (`"0.4"`, `"40%"`) are read too; the result is
    /// clamped to 0…1, and anything else is no progress at all.
    static func progress(from json: JSONValue) -> Double? {
        var value: Double
        var isPercent = false
        switch json {
        case .number(let n):
            value = n
        case .string(let text):
            var trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.hasSuffix("%") {
                isPercent = true
                trimmed.removeLast()
            }
            guard let n = Double(trimmed.trimmingCharacters(in: .whitespaces)) else { return nil }
            value = n
        default:
            return nil
        }
        guard value.isFinite else { return nil }
        if isPercent || (value > 1 && value <= 100) { value /= 100 }
        return min(1, max(0, value))
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
        self.init(raw: raw, inner: inner)
    }

    /// The same from a string value, its inner JSON read by `JSONScanner` (`JSONDecoder` only
    /// when the scanner is unsure of it): plain-text messages are told at their first byte.
    init(text: String) {
        switch JSONScanner.document(text) {
        case .value(let parsed): self.init(raw: text, inner: parsed)
        case .notJSON: self.init(raw: text, inner: .string(text))
        case .unsure: self.init(json: .string(text))
        }
    }

    /// `inner`: the value, or what its string held when that is a JSON object.
    private init(raw: String, inner: JSONValue) {
        if case .object = inner {
            let found = ErrorFields.find(in: inner)
            self.init(raw: raw, code: found?.code, message: found?.message ?? raw)
        } else {
            self.init(raw: raw, code: nil, message: raw.isEmpty ? nil : raw)
        }
    }
}
