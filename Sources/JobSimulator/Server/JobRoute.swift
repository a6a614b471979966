import JobModel
import JobAPI

/// Which job a request asks for, and on which family's path: `…/v1/{project_id}/jobs/{job_id}`
/// (BMS, ECS, EVS, IMS, VPC), CCE's `…/api/v3/projects/{project_id}/jobs/{job_id}` or IMS's
/// progress `…/v1/cloudimages/job/{job_id}`, under any base path. The IDs are decoded.
struct JobRoute: Sendable, Hashable {
    enum Family: Sendable, Hashable {
        case jobsV1, cce
        /// IMS ShowJobProgress (SERVICES.md §3): no project in the path.
        case imageProgress
    }

    /// `nil` for IMS's progress path, which names no project.
    var projectID: String?
    var jobID: String
    var family: Family

    /// Parses a path as received (still percent-encoded); nil when it is no job route.
    init?(path: String) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // CCE first: its tail also ends in `{project}/jobs/{job}`.
        if segments.count >= 7 {
            let tail = Array(segments.suffix(6))
            if tail[0] == "api", tail[1] == "v3", tail[2] == "projects", tail[4] == "jobs", !tail[3].isEmpty, !tail[5].isEmpty {
                self.init(projectID: PercentEncoding.decode(tail[3]), jobID: PercentEncoding.decode(tail[5]), family: .cce)
                return
            }
        }
        guard segments.count >= 5 else { return nil }
        let tail = Array(segments.suffix(4))
        guard tail[0] == "v1", !tail[1].isEmpty, !tail[3].isEmpty else { return nil }
        switch (tail[1], tail[2]) {
        case ("cloudimages", "job"):
            self.init(projectID: nil, jobID: PercentEncoding.decode(tail[3]), family: .imageProgress)
        case (_, "jobs"):
            self.init(projectID: PercentEncoding.decode(tail[1]), jobID: PercentEncoding.decode(tail[3]), family: .jobsV1)
        default:
            return nil
        }
    }

    init(projectID: String?, jobID: String, family: Family) {
        self.projectID = projectID
        self.jobID = jobID
        self.family = family
    }

    /// Whether a job of `service` is served on this path.
    func serves(_ service: Service) -> Bool {
        switch family {
        case .jobsV1: service.dialect == .jobsV1
        case .cce: service.dialect == .cce
        case .imageProgress: service == .ims
        }
    }
}
