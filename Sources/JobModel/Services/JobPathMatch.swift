import Foundation

/// A job query's path read back into its parts, by the services' own path templates
/// (`Service.jobPath`, `Service.jobQuery`): what the simulator serves and what a log line's
/// URL names. Matched at the path's end, so any prefix (a proxy's, a gateway's) may come first.
public struct JobPathMatch: Sendable, Hashable {
    /// The template matched: `/v1/{project_id}/jobs/{job_id}`.
    public var template: String
    /// The project, or for an account's service the domain (`{domain_id}`); `""` when the path
    /// names neither (an order's).
    /// The job's ID; a DMS task's is `INSTANCE_ID/TASK_ID`.
    public var jobID: String

    public var projectID: String

    public init(template: String, projectID: String, jobID: String) {
        self.template = template
        self.projectID = projectID
        self.jobID = jobID
    }

    /// The services whose jobs live on this path: one (CCE's, ELB's…) or several (`/v1/…/jobs/…`
    /// of BMS, ECS, EVS, IMS and VPC; the database family's `/v3/…/jobs?id=`).
    public var services: [Service] { Self.services(on: template) }

    /// The services whose job path a template is.
    public static func services(on template: String) -> [Service] {
        Service.all.filter { $0.jobPath == template }
    }

    /// Every job path, longest first: CCE's tail also ends in `{project}/jobs/{job}`.
    private static let templates: [(template: String, parts: [String], query: String?)] = {
        var seen: Set<String> = []
        return Service.all.compactMap { service in
            guard seen.insert(service.jobPath).inserted else { return nil }
            return (service.jobPath, service.jobPath.split(separator: "/").map(String.init), service.jobQuery)
        }
        .sorted { $0.parts.count > $1.parts.count }
    }()

    /// Reads a percent-encoded path and its decoded query items; `nil` when no service's job
    /// path ends it (or the database family's `id` is missing).
    public init?(path: String, query: [(name: String, value: String)] = []) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for (template, parts, queryName) in Self.templates where segments.count > parts.count {
            var values: [String: String] = [:]
            let matches = zip(parts, segments.suffix(parts.count)).allSatisfy { part, segment in
                guard part.hasPrefix("{") else { return part == segment }
                values[part] = segment.removingPercentEncoding ?? segment
                return !segment.isEmpty
            }
            guard matches else { continue }
            let projectID = values["{project_id}"] ?? values["{domain_id}"] ?? ""
            let job = queryName.flatMap { name in query.first { $0.name == name }?.value } ?? values["{job_id}"]
            guard let job, !job.isEmpty else { return nil }
            self.init(template: template, projectID: projectID, jobID: values["{instance_id}"].map { "\($0)/\(job)" } ?? job)
            return
        }
        return nil
    }
}
