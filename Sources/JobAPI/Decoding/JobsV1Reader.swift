import Foundation
import JobModel

/// `JobsV1Dialect` straight from the bytes: one pass, no `JSONValue` tree for the usual shapes
/// (strings, numbers, nulls and missing fields anywhere, entities as an object, sub-jobs,
/// `errorcode_message` as JSON in a string). What it does not read the same way as the dialect
/// it hands back with `JSONScanner.Unsure`; an entities array, containers among the entities and
/// odd values go through `JSONValue` and the dialect's own code for that one value.
struct JobsV1Reader {
    private var scanner: JSONScanner
    private let words: [String: JobStatus.Outcome]
    private var repeated = RepeatedStrings()
    /// The status of a job that states none, worked out once.
    private let noStatus: JobStatus

    init(_ bytes: UnsafeBufferPointer<UInt8>, words: [String: JobStatus.Outcome]) {
        scanner = JSONScanner(bytes)
        self.words = words
        noStatus = JobStatus(raw: "", words: words)
    }

    /// The whole body's job, or `nil` when it has no status (`JobDecodingProblem.missingStatus`).
    mutating func topLevelJob() throws(JSONScanner.Unsure) -> Job? {
        guard try scanner.kind() == .object else { throw JSONScanner.Unsure() }
        let job = try readJob()
        try scanner.finish()
        return job.hasStatus ? job.value : nil
    }

    // MARK: - A job

    private enum Field: UInt16 {
        case status = 1, jobID = 2, jobType = 4, beginTime = 8, endTime = 16, errorCode = 32, failReason = 64
        case message = 128, code = 256, entities = 512
    }

    private func field(_ key: Range<Int>) -> Field? {
        switch key.count {
        case 4: scanner.key(key, is: "code") ? .code : nil
        case 6: scanner.key(key, is: "status") ? .status : scanner.key(key, is: "job_id") ? .jobID : nil
        case 7: scanner.key(key, is: "message") ? .message : nil
        case 8: scanner.key(key, is: "job_type") ? .jobType : scanner.key(key, is: "end_time") ? .endTime : scanner.key(key, is: "entities") ? .entities : nil
        case 10: scanner.key(key, is: "begin_time") ? .beginTime : scanner.key(key, is: "error_code") ? .errorCode : nil
        case 11: scanner.key(key, is: "fail_reason") ? .failReason : nil
        default: nil
        }
    }

    /// A job object (`{` is next), and whether its status said anything.
    private mutating func readJob() throws(JSONScanner.Unsure) -> (value: Job, hasStatus: Bool) {
        var job = Job(status: noStatus)
        var hasStatus = false
        var seen: UInt16 = 0
        try scanner.enter()
        var first = true
        while let key = try scanner.nextKey(&first) {
            guard let field = field(key) else {
                try scanner.skipValue()
                continue
            }
            // A repeated key: `JSONDecoder` keeps the first, the tolerant path does that.
            guard seen & field.rawValue == 0 else { throw JSONScanner.Unsure() }
            seen |= field.rawValue
            switch field {
            case .status:
                if let status = try readStatus() {
                    job.status = status
                    hasStatus = true
                }
            case .jobID: job.id = try scanner.readText()
            case .jobType: job.type = try repeatedText()
            case .beginTime: job.beginTime = try time()
            case .endTime: job.endTime = try time()
            case .errorCode: job.errorCode = try repeatedText()
            case .failReason: job.failReason = try repeatedText()
            case .message: job.message = try scanner.readText()
            case .code: job.code = try scanner.readText()
            case .entities: job.entities = try entities()
            }
        }
        return (job, hasStatus)
    }

    /// The status, when its text is not empty (else the job keeps the empty one).
    private mutating func readStatus() throws(JSONScanner.Unsure) -> JobStatus? {
        guard try scanner.kind() == .string else {
            return try scanner.readText().map { JobStatus(raw: $0, words: words) }
        }
        switch try scanner.span() {
        case .raw(let range):
            return range.isEmpty ? nil : repeated.status(scanner.slice(range), words: words)
        case .decoded(let text):
            return text.isEmpty ? nil : JobStatus(raw: text, words: words)
        }
    }

    /// `readText`, sharing the strings a body repeats.
    private mutating func repeatedText() throws(JSONScanner.Unsure) -> String? {
        guard try scanner.kind() == .string else { return try scanner.readText() }
        switch try scanner.span() {
        case .raw(let range): return range.isEmpty ? nil : repeated.string(scanner.slice(range))
        case .decoded(let text): return text.isEmpty ? nil : text
        }
    }

    private mutating func time() throws(JSONScanner.Unsure) -> Date? {
        guard try scanner.kind() == .string else { return try JobTimestamp.parse(scanner.readText()) }
        switch try scanner.span() {
        case .raw(let range): return range.isEmpty ? nil : JobTimestamp.parse(utf8: scanner.slice(range))
        case .decoded(let text): return JobTimestamp.parse(text)
        }
    }

    // MARK: - Entities

    private enum EntityField: UInt8 {
        case subJobs = 1, subJobsResult = 2, subJobsTotal = 4, errorcodeMessage = 8, processPercent = 16
    }

    private func entityField(_ key: Range<Int>) -> EntityField? {
        switch key.count {
        case 8: scanner.key(key, is: "sub_jobs") ? .subJobs : nil
        case 14: scanner.key(key, is: "sub_jobs_total") ? .subJobsTotal : nil
        case 15: scanner.key(key, is: "sub_jobs_result") ? .subJobsResult : scanner.key(key, is: "process_percent") ? .processPercent : nil
        case 17: scanner.key(key, is: "errorcode_message") ? .errorcodeMessage : nil
        default: nil
        }
    }

    private mutating func entities() throws(JSONScanner.Unsure) -> JobEntities {
        switch try scanner.kind() {
        case .object:
            return try entityObject()
        case .array:
            // Objects merged into one (rare): the dialect's own merge, on this value only.
            return JobEntities(json: try scanner.readValue(), words: words)
        default:
            try scanner.skipValue()
            return JobEntities()
        }
    }

    private mutating func entityObject() throws(JSONScanner.Unsure) -> JobEntities {
        var entities = JobEntities()
        var results: [Job] = []
        var seen: UInt8 = 0
        // Keys whose value was dropped (null, ""), to tell a repeated key from a new one.
        var dropped: [String] = []
        try scanner.enter()
        var first = true
        while let key = try scanner.nextKey(&first) {
            if let field = entityField(key) {
                guard seen & field.rawValue == 0 else { throw JSONScanner.Unsure() }
                seen |= field.rawValue
                switch field {
                case .subJobs: entities.subJobs = try subJobs(expecting: entities.subJobsTotal)
                case .subJobsResult: results = try subJobs(expecting: nil)
                case .subJobsTotal: entities.subJobsTotal = JobEntities.subJobsTotal(from: try scanner.readValue())
                case .processPercent: entities.progress = JobEntities.progress(from: try scanner.readValue())
                case .errorcodeMessage: entities.errorMessage = try errorcodeMessage()
                }
                continue
            }
            let name = repeated.string(scanner.slice(key))
            guard !entities.attributes.contains(where: { $0.key == name }), !dropped.contains(name) else {
                throw JSONScanner.Unsure()
            }
            if let value = try attributeValue() {
                // Room for the usual few (`server_id`, `nic_id`, …) at once, not one by one.
                if entities.attributes.isEmpty { entities.attributes.reserveCapacity(4) }
                entities.attributes.append(EntityAttribute(key: name, value: value))
            } else {
                dropped.append(name)
            }
        }
        if !results.isEmpty { entities.subJobs += results }
        if !entities.attributes.isSorted(by: JobEntities.displayOrder) { entities.attributes.sort(by: JobEntities.displayOrder) }
        return entities
    }

    /// Sub-jobs in an array (objects only: EIP's have no documented shape); any other value
    /// holds none.
    private mutating func subJobs(expecting total: Int?) throws(JSONScanner.Unsure) -> [Job] {
        guard try scanner.kind() == .array else {
            try scanner.skipValue()
            return []
        }
        var jobs: [Job] = []
        // As many as the body says it holds, within reason: a total that lies costs little.
        if let total { jobs.reserveCapacity(min(total, 4_096)) }
        try scanner.enter()
        var first = true
        while try scanner.nextElement(&first) {
            if try scanner.kind() == .object {
                jobs.append(try readJob().value)
            } else {
                try scanner.skipValue()
            }
        }
        return jobs
    }

    /// An entity's value as text (`JSONValue.compactText`), or `nil` when it is null or "".
    private mutating func attributeValue() throws(JSONScanner.Unsure) -> String? {
        switch try scanner.kind() {
        case .string:
            let text = try scanner.readString()
            return text.isEmpty ? nil : text
        case .null:
            try scanner.readNull()
            return nil
        default:
            let text = try scanner.readValue().compactText
            return text.isEmpty ? nil : text
        }
    }

    private mutating func errorcodeMessage() throws(JSONScanner.Unsure) -> ErrorcodeMessage? {
        switch try scanner.kind() {
        case .string: return ErrorcodeMessage(text: try scanner.readString())
        case .null:
            try scanner.readNull()
            return nil
        default: return ErrorcodeMessage(json: try scanner.readValue())
        }
    }
}

extension Array {
    fileprivate func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        indices.dropFirst().allSatisfy { !areInIncreasingOrder(self[$0], self[$0 - 1]) }
    }
}
