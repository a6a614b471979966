import JobModel
import JobAPI

/// Which job a request asks for, and on which family's path: `…/v1/{project_id}/jobs/{job_id}`
/// (BMS, ECS, EVS, IMS, VPC) or CCE's `…/api/v3/projects/{project_id}/jobs/{job_id}`, under
/// any base path. The IDs are decoded.
struct JobRoute: Sendable, Hashable {
    var projectID: String
    var jobID: String
    /// `.cce` for CCE's path, `.jobsV1` for the shared one.
    var dialect: Service.Dialect

    /// Parses a path as received (still percent-encoded); nil when it is no job route.
    init?(path: String) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // CCE first: its tail also ends in `{project}/jobs/{job}`.
        if segments.count >= 7 {
            let tail = Array(segments.suffix(6))
            if tail[0] == "api", tail[1] == "v3", tail[2] == "projects", tail[4] == "jobs", !tail[3].isEmpty, !tail[5].isEmpty {
                self.init(projectID: PercentEncoding.decode(tail[3]), jobID: PercentEncoding.decode(tail[5]), dialect: .cce)
                return
            }
        }
        guard segments.count >= 5 else { return nil }
        let tail = Array(segments.suffix(4))
        guard tail[0] == "v1", tail[2] == "jobs", !tail[1].isEmpty, !tail[3].isEmpty else { return nil }
        self.init(projectID: PercentEncoding.decode(tail[1]), jobID: PercentEncoding.decode(tail[3]), dialect: .jobsV1)
    }

    init(projectID: String, jobID: String, dialect: Service.Dialect) {
        self.projectID = projectID
        self.jobID = jobID
        self.dialect = dialect
    }

    /// Whether a job of `service` is served on this path.
    func serves(_ service: Service) -> Bool {
        service.dialect == dialect
    }
}
