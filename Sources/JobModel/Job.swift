import Foundation

/// One job (or sub-job) of any service, normalised from its dialect (`JobDialect` in `JobAPI`).
///
/// Every field of the API is optional; decoding is tolerant.
public struct Job: Sendable, Hashable, Codable {
    public var id: String?
    public var type: String?
    public var status: JobStatus
    public var beginTime: Date?
    public var endTime: Date?
    public var errorCode: String?
    public var failReason: String?
    /// Set when the request itself failed (the API's `message`/`code`).
    public var message: String?
    public var code: String?
    public var entities: JobEntities
    /// How deep under the listed job's direct sub-jobs this one sat (`nil`: a direct one);
    /// set by `flatteningSubJobs()`.
    public var nesting: Int?
    /// The sub-job this one sat under, when `nesting` is set.
    public var parentID: String?

    public init(
        id: String? = nil, type: String? = nil, status: JobStatus,
        beginTime: Date? = nil, endTime: Date? = nil,
        errorCode: String? = nil, failReason: String? = nil,
        message: String? = nil, code: String? = nil,
        entities: JobEntities = JobEntities()
    ) {
        self.id = id
        self.type = type
        self.status = status
        self.beginTime = beginTime
        self.endTime = endTime
        self.errorCode = errorCode
        self.failReason = failReason
        self.message = message
        self.code = code
        self.entities = entities
    }

    public var subJobs: [Job] { entities.subJobs }

    /// A short human label for `type`.
    public var label: String { JobKind.label(for: type) }

    /// The most useful explanation of a failure: the inner message of `errorcode_message`
    /// when it parses, else `fail_reason`, else the error code.
    public var failureReason: String? {
        if let inner = entities.errorMessage?.message, !inner.isEmpty { return inner }
        if let failReason, !failReason.isEmpty { return failReason }
        if let code = entities.errorMessage?.code, !code.isEmpty { return code }
        if let errorCode, !errorCode.isEmpty { return errorCode }
        return nil
    }

    /// The error code that goes with `failureReason`.
    public var failureCode: String? {
        if let errorCode, !errorCode.isEmpty { return errorCode }
        return entities.errorMessage?.code
    }

    /// Run time: end − begin when finished, else `now` − begin.
    public func elapsed(now: Date) -> TimeInterval? {
        guard let beginTime else { return nil }
        let end = status.isTerminal ? (endTime ?? now) : now
        return max(0, end.timeIntervalSince(beginTime))
    }
}

/// The `entities` object of a job.
public struct JobEntities: Sendable, Hashable, Codable {
    public var subJobsTotal: Int?
    public var subJobs: [Job]
    /// Every other key, kept in a stable order (`server_id`, `nic_id`, `volume_id` first).
    public var attributes: [EntityAttribute]
    /// `errorcode_message`, with its inner message extracted when it is JSON.
    public var errorMessage: ErrorcodeMessage?
    /// How far the job is, 0…1 (IMS `process_percent`, which is a fraction).
    public var progress: Double?

    public init(
        subJobsTotal: Int? = nil, subJobs: [Job] = [],
        attributes: [EntityAttribute] = [], errorMessage: ErrorcodeMessage? = nil, progress: Double? = nil
    ) {
        self.subJobsTotal = subJobsTotal
        self.subJobs = subJobs
        self.attributes = attributes
        self.errorMessage = errorMessage
        self.progress = progress
    }

    /// The value of one attribute, e.g. `server_id`.
    public subscript(key: String) -> String? {
        attributes.first { $0.key == key }?.value
    }
}

/// One entity key and its value as text (nested JSON is kept as compact JSON text).
public struct EntityAttribute: Sendable, Hashable, Codable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// A sub-job's `errorcode_message`: the raw text and what could be read out of it.
public struct ErrorcodeMessage: Sendable, Hashable, Codable {
    public var raw: String
    public var code: String?
    public var message: String?

    public init(raw: String, code: String? = nil, message: String? = nil) {
        self.raw = raw
        self.code = code
        self.message = message
    }
}
