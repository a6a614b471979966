import Foundation
import JobModel

/// Why a 200 response body is not a job.
public enum JobDecodingProblem: Error, Sendable, Hashable, CustomStringConvertible {
    case notJSON(bodyPrefix: String)
    case notAnObject
    case missingStatus
    /// An empty list where the job would be: the service has no such job (GeminiDB, DMS).
    case noSuchJob

    public var description: String {
        switch self {
        case .noSuchJob: "the answer lists no job: there is no such job"
        case .notJSON(let prefix): "the body is not JSON (starts with \(prefix.debugDescription))"
        case .notAnObject: "the body is JSON but not an object"
        case .missingStatus: "the body has no \"status\" field"
        }
    }
}

/// One body shape, read into the one job model. Every service names its shape
/// (`Service.dialect`); a new shape is one more conforming type and one line in `reader`.
protocol JobDialect {
    /// The job of a 200 body read in one pass over its bytes, or `nil` when it has no status;
    /// `Unsure` hands the body to `job(from:words:)`, which decides.
    static func job(bytes: UnsafeBufferPointer<UInt8>, words: [String: JobStatus.Outcome]) throws(JSONScanner.Unsure) -> Job?

    /// The job in a 200 body already parsed as a JSON object, its status words read with the
    /// service's own; throws when it is not a job. The tolerant path: it reads any JSON.
    static func job(from json: JSONValue, words: [String: JobStatus.Outcome]) throws(JobDecodingProblem) -> Job
}

extension Service.Dialect {
    /// The one-pass reader; `nil` for `fields`, which are read through `JSONValue` only.
    var reader: (any JobDialect.Type)? {
        switch self {
        case .jobsV1: JobsV1Dialect.self
        case .cce: CCEDialect.self
        case .fields: nil
        }
    }
}

extension Job {
    /// Decodes a job from a 200 response body of a service.
    ///
    /// Tolerant of every shape the services are known to send; a body without a status is an
    /// error, never a job with no status.
    public static func decode(_ body: Data, service: Service = .bms) throws(JobDecodingProblem) -> Job {
        switch decodeInOnePass(body, service: service) {
        case .success(let job?): return job
        case .success(nil): throw .missingStatus
        case .failure: return try decodeTolerantly(body, service: service)
        }
    }

    /// The usual way: straight from the bytes into the model (`nil`: no status), or `Unsure`.
    static func decodeInOnePass(_ body: Data, service: Service) -> Result<Job?, JSONScanner.Unsure> {
        guard let reader = service.dialect.reader else { return .failure(JSONScanner.Unsure()) }
        let words = service.statusWords
        return body.withUnsafeBytes { raw in
            Result { () throws(JSONScanner.Unsure) in try reader.job(bytes: raw.assumingMemoryBound(to: UInt8.self), words: words) }
        }
    }

    /// The way for any JSON at all, and the judge of what is not JSON: through a `JSONValue`.
    static func decodeTolerantly(_ body: Data, service: Service) throws(JobDecodingProblem) -> Job {
        let json: JSONValue
        do {
            json = try JSONValue.parse(body)
        } catch {
            throw .notJSON(bodyPrefix: BodyPrefix.of(body))
        }
        guard case .object = json else { throw .notAnObject }
        if let fields = service.dialect.fields {
            return try FieldsDialect.job(from: json, fields: fields, words: service.statusWords)
        }
        return try service.dialect.reader!.job(from: json, words: service.statusWords)
    }
}
