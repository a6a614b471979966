import JobModel

/// Where the report's jobs were read: the profile, endpoint and project, so a reader of the
/// ticket knows which account and region it speaks for.
public struct ReportCoverage: Sendable, Hashable {
    public var profile: String
    /// `Endpoint.identity` (`bms.cn-north-4.myhuaweicloud.com:443`); empty when unknown.
    public var endpoint: String
    public var projectID: String
    public var jobs: Int

    /// One per distinct place, in the order the jobs come.
    static func of(_ states: [JobState]) -> [ReportCoverage] {
        var places: [ReportCoverage] = []
        for state in states {
            let place = ReportCoverage(profile: state.entry.profile, endpoint: state.key.endpoint, projectID: state.key.projectID, jobs: 1)
            if let at = places.firstIndex(where: { $0.profile == place.profile && $0.endpoint == place.endpoint && $0.projectID == place.projectID }) {
                places[at].jobs += 1
            } else {
                places.append(place)
            }
        }
        return places
    }

    /// `profile prod · bms.cn-north-4.myhuaweicloud.com:443 · project 0a1b2c3d`.
    public var text: String {
        let endpoint = self.endpoint.isEmpty ? "endpoint unknown" : self.endpoint
        let project = projectID.isEmpty ? "project unknown" : "project \(projectID)"
        return "profile \(profile) · \(endpoint) · \(project)"
    }
}
