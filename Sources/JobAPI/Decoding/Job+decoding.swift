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

/// One body shape, read into the one job model. Every service names its shape
/// (`Service.dialect`); a new shape is one more conforming type and one line in `reader`.
protocol JobDialect {
    /// The job in a 200 body already parsed as a JSON object, its status words read with the
    /// service's own; throws when it is not a job.
    static func job(from json: JSONValue, words: [String: JobStatus.Outcome]) throws(JobDecodingProblem) -> Job
}

extension Service.Dialect {
    var reader: any JobDialect.Type {
        switch self {
        case .jobsV1: JobsV1Dialect.self
        case .cce: CCEDialect.self
        }
    }
}

extension Job {
    /// Decodes a job from a 200 response body of a service.
    ///
    /// Tolerant of every shape the services are known to send; a body without a status is an
    /// error, never a job with no status.
    public static func decode(_ body: Data, service: Service = .bms) throws(JobDecodingProblem) -> Job {
        let json: JSONValue
        do {
            json = try JSONValue.parse(body)
        } catch {
            throw .notJSON(bodyPrefix: BodyPrefix.of(body))
        }
        guard case .object = json else { throw .notAnObject }
        return try service.dialect.reader.job(from: json, words: service.statusWords)
    }
}

