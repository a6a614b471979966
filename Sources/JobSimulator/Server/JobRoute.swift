import JobModel
import JobAPI

/// Which job a request asks for, and on which path: any service's job path (`Service.jobPath`,
/// matched from the data, under any base path: `/v1/{project_id}/jobs/{job_id}`, CCE's
/// `/api/v3/projects/…`, the database family's `/v3/{project_id}/jobs?id=…`, DMS's
/// `/v2/{project_id}/instances/{instance_id}/tasks/{task_id}`, …) or IMS's progress
/// `…/v1/cloudimages/job/{job_id}`. The IDs are decoded; a DMS task's is `INSTANCE_ID/TASK_ID`.
struct JobRoute: Sendable, Hashable {
    enum Family: Sendable, Hashable {
        /// A service's job path, as `Service.jobPath` writes it.
        case path(String)
        /// IMS ShowJobProgress (SERVICES.md §3): no project in the path.
        case imageProgress
    }

    /// `nil` for IMS's progress path, which names no project.
    var projectID: String?
    var jobID: String
    var family: Family

    /// Parses a path as received (still percent-encoded) and its query; nil when it is no job route.
    init?(path: String, query: [SigningRequest.QueryItem] = []) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.count >= 5 {
            let tail = Array(segments.suffix(4))
            if tail[0] == "v1", tail[1] == "cloudimages", tail[2] == "job", !tail[3].isEmpty {
                self.init(projectID: nil, jobID: PercentEncoding.decode(tail[3]), family: .imageProgress)
                return
            }
        }
        guard let match = JobPathMatch(path: path, query: query.map { ($0.name, $0.value) }) else { return nil }
        self.init(projectID: match.projectID, jobID: match.jobID, family: .path(match.template))
    }

    init(projectID: String?, jobID: String, family: Family) {
        self.projectID = projectID
        self.jobID = jobID
        self.family = family
    }

    /// Whether a job of `service` is served on this path.
    func serves(_ service: Service) -> Bool {
        switch family {
        case .path(let template): service.jobPath == template
        case .imageProgress: service == .ims
        }
    }

    /// The service the path names, when only one service uses it (CCE's, ELB's); `nil` for a
    /// shared path (`/v1/…/jobs/…`, the database family's), where only a known job tells.
    var onlyService: Service? {
        switch family {
        case .imageProgress: return .ims
        case .path(let template):
            let users = JobPathMatch.services(on: template)
            return users.count == 1 ? users[0] : nil
        }
    }
}
