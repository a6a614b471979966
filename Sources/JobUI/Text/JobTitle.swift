import JobModel

/// What a job is called on screen and in plain output: its service's tag, then the operator's
/// label or the job type's, then the resource it makes when the body names one
/// (`ECS create servers`, `CCE create cluster prod-k8s`).
public enum JobTitle {
    public static func of(_ state: JobState, tagged: Bool) -> String {
        let service = state.key.service
        let name = state.entry.label ?? state.job.map { describe($0, service: service) } ?? "job"
        return tagged ? "\(service.tag) \(name)" : name
    }

    /// Whether titles carry the service tag: once any watched job is not BMS.
    public static func tagsServices(_ snapshot: Snapshot) -> Bool {
        snapshot.jobs.contains { $0.key.service != .bms }
    }

    /// A sub-job's title: the service is its job's, so it is not repeated.
    public static func of(subJob: Job?, service: Service) -> String {
        subJob.map { describe($0, service: service) } ?? "job"
    }

    static func describe(_ job: Job, service: Service) -> String {
        let label = service.label(for: job.type)
        guard let resource = job.entities["resource_name"] ?? job.entities["image_name"] ?? job.entities["name"],
              !resource.isEmpty, !label.contains(resource) else { return label }
        return "\(label) \(resource)"
    }
}
