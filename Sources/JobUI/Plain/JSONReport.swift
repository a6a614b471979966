import Foundation
import JobModel

/// The documented, versioned JSON of `get --json` (one document) and `wait --json` (lines).
/// Field names are snake_case like the API's; times are ISO 8601 UTC with milliseconds.
public enum JSONReport {
    public static let schema = 1

    struct Document: Encodable {
        var schema = JSONReport.schema
        var jobs: [JobEntry]
    }

    struct JobEntry: Encodable {
        var job_id: String
        /// `bms`, `ecs`, `evs`, `ims`, `vpc`, `cce`.
        var service: String
        var profile: String
        /// Where the job lives: `host:port` of the endpoint, and the project.
        @Nullable var endpoint: String?
        @Nullable var project_id: String?
        /// An account's job (Global EIP, an order) lives in the domain: `project_id` is null.
        var domain_id: String?
        @Nullable var label: String?
        @Nullable var read_at: String?
        var health: String
        @Nullable var error: ErrorEntry?
        @Nullable var job: JobBody?
    }

    struct JobBody: Encodable {
        @Nullable var job_id: String?
        @Nullable var job_type: String?
        var type_label: String
        /// The service's word, verbatim (`SUCCESS`, CCE `Success`).
        var status: String
        /// What it means, the same for every service: waiting, running, succeeded, failed,
        /// awaiting_payment, unknown.
        var outcome: String
        var finished: Bool
        @Nullable var begin_time: String?
        @Nullable var end_time: String?
        @Nullable var duration_seconds: Double?
        @Nullable var error_code: String?
        @Nullable var fail_reason: String?
        /// The most useful reason (inner message of `errorcode_message`, or a batch summary).
        @Nullable var reason: String?
        var entities: [String: String]
        /// 0…1, when the service says how far it is (IMS).
        var progress: Double?
        /// A nested sub-job's depth below the direct ones (CCE), and the sub-job it is under.
        var nesting: Int?
        var parent_id: String?
        var sub_jobs_total: Int?
        var sub_jobs: [JobBody]?
        /// The servers and volumes its entities name, once looked up.
        var resources: [ResourceEntry]?

        init(_ job: Job, service: Service, now: Date, isSubJob: Bool, resources: [String: Resource] = [:]) {
            job_id = job.id
            job_type = job.type
            type_label = service.label(for: job.type)
            status = job.status.rawValue
            outcome = job.status.outcome.jsonName
            finished = job.status.isTerminal
            progress = job.entities.progress
            nesting = job.nesting
            parent_id = job.parentID
            begin_time = job.beginTime.map(JobTimestamp.format)
            end_time = job.endTime.map(JobTimestamp.format)
            duration_seconds = job.elapsed(now: now).map { ($0 * 1000).rounded() / 1000 }
            error_code = job.failureCode
            fail_reason = job.failReason
            reason = job.status == .fail ? job.failureSummary : nil
            entities = Dictionary(job.entities.attributes.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            if let raw = job.entities.errorMessage?.raw { entities["errorcode_message"] = raw }
            let named = ResourceReference.named(by: job).compactMap { resources[$0.id] }
            self.resources = named.isEmpty ? nil : named.map(ResourceEntry.init)
            if !isSubJob {
                sub_jobs_total = job.entities.subJobsTotal
                sub_jobs = job.subJobs.map { JobBody($0, service: service, now: now, isSubJob: true, resources: resources) }
            }
        }
    }

    struct ResourceEntry: Encodable {
        var kind: String
        var id: String
        @Nullable var name: String?
        @Nullable var status: String?
        /// Fixed (private) first, then floating.
        var addresses: [String]
        @Nullable var availability_zone: String?

        init(_ resource: Resource) {
            kind = resource.kind.rawValue
            id = resource.id
            name = resource.name
            status = resource.status
            addresses = resource.addresses
            availability_zone = resource.availabilityZone
        }
    }

    struct ErrorEntry: Encodable {
        var category: String
        @Nullable var http_status: Int?
        @Nullable var code: String?
        var message: String
        @Nullable var request_id: String?

        init(_ error: APIError) {
            category = "\(error.category)"
            http_status = error.httpStatus
            code = error.code
            message = error.message
            request_id = error.requestId
        }
    }

    struct TransitionLine: Encodable {
        var schema = JSONReport.schema
        var event = "transition"
        var at: String
        var job_id: String
        var service: String
        var profile: String
        @Nullable var endpoint: String?
        @Nullable var project_id: String?
        var domain_id: String?
        @Nullable var label: String?
        @Nullable var sub_job_id: String?
        @Nullable var job_type: String?
        @Nullable var from: String?
        var to: String
        var outcome: String
        @Nullable var reason: String?
        /// The name of the server or volume, when known (absent otherwise).
        var resource_name: String?
    }

    static func entry(_ state: JobState, now: Date) -> JobEntry {
        JobEntry(
            job_id: state.key.jobID, service: state.key.service.name, profile: state.entry.profile,
            endpoint: state.key.isPlaced ? state.key.endpoint : nil, project_id: projectID(state.key), domain_id: domainID(state.key),
            label: state.entry.label,
            read_at: state.readAt.map(JobTimestamp.format), health: "\(state.health)",
            error: state.lastError.map(ErrorEntry.init), job: state.job.map { JobBody($0, service: state.key.service, now: now, isSubJob: false, resources: state.resources) }
        )
    }

    /// The project of a project's job; `nil` for an account's, and for an unplaced key.
    static func projectID(_ key: JobKey) -> String? {
        key.isPlaced && key.service.scope == .project ? key.projectID : nil
    }

    /// The domain of an account's job, when known.
    static func domainID(_ key: JobKey) -> String? {
        key.isPlaced && key.service.scope == .account && !key.projectID.isEmpty ? key.projectID : nil
    }

    /// One pretty-printed document with every job.
    public static func document(_ states: [JobState], now: Date) -> String {
        encode(Document(jobs: states.map { entry($0, now: now) }), pretty: true)
    }

    /// One compact line for a transition.
    public static func line(_ t: Transition) -> String {
        encode(TransitionLine(
            at: JobTimestamp.format(t.at), job_id: t.key.jobID, service: t.key.service.name, profile: t.profile,
            endpoint: t.key.isPlaced ? t.key.endpoint : nil, project_id: projectID(t.key), domain_id: domainID(t.key), label: t.label,
            sub_job_id: t.subJobID, job_type: t.jobType, from: t.from?.rawValue, to: t.to.rawValue, outcome: t.to.outcome.jsonName, reason: t.reason,
            resource_name: t.resourceName
        ), pretty: false)
    }

    static func encode(_ value: some Encodable, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return TerminalSafeText.json((try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "{}")
    }
}

extension JSONReport {
    struct SummaryLine: Encodable {
        var schema = JSONReport.schema
        var event = "summary"
        var exit_code: Int32
        var jobs: [JobEntry]
    }

    /// The last line of `wait --json`: every job's final state and the exit code.
    public static func summaryLine(_ states: [JobState], exitCode: Int32, now: Date) -> String {
        encode(SummaryLine(exit_code: exitCode, jobs: states.map { entry($0, now: now) }), pretty: false)
    }
}
