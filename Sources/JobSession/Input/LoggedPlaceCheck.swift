import JobModel
import JobEngine

/// A job seen in a log (`JobLogLine`) lives in the project, and region, its query named; the
/// profile that will read it may point elsewhere. `--endpoint` still decides where to connect,
/// so a logged host is not checked against it; a project or a region that differs is said.
public enum LoggedPlaceCheck {
    /// One line for the operator when the profile will not find the job where the log saw it.
    public static func notice(for reference: JobReference, profile: ProfileTarget, place: String) -> String? {
        guard let logged = reference.logged else { return nil }
        let service = reference.service ?? profile.service
        let job = "\(service.name)/\(JobID.short(reference.id))"
        if logged.projectID != profile.projectID {
            return "\(place): \(job) was asked in project \(logged.projectID), but profile \(profile.name.debugDescription) reads project \(profile.projectID) — pass --project-id \(logged.projectID)"
        }
        if let region = logged.region, let reads = Service.at(host: profile.endpoint(for: service).host)?.region, reads != region {
            return "\(place): \(job) was asked in region \(region), but profile \(profile.name.debugDescription) reads \(reads) — pass --region \(region)"
        }
        return nil
    }
}
