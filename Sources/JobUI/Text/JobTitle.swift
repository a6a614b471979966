import JobModel

/// What a job is called on screen and in plain output: its service's tag, then the operator's
/// label or the job type's, then the resource it makes when the body names one
/// (`ECS create servers`, `CCE create cluster prod-k8s`).
public enum JobTitle {
    public static func of(_ state: JobState, tagged: Bool) -> String {
        let service = state.key.service
        let name = state.entry.label ?? state.job.map { describe($0, service: service, resources: state.resources) } ?? "job"
        return tagged ? "\(service.tag) \(name)" : name
    }

    /// Whether titles carry the service tag: once any watched job is not BMS.
    public static func tagsServices(_ snapshot: Snapshot) -> Bool {
        snapshot.digest.services.contains { $0 != .bms }
    }

    /// A sub-job's title: the service is its job's, so it is not repeated.
    public static func of(subJob: Job?, service: Service, resources: [String: Resource] = [:]) -> String {
        subJob.map { describe($0, service: service, resources: resources) } ?? "job"
    }

    /// - Parameter resources: looked-up servers and volumes by ID; the first named one the
    ///   job names is shown with its address (`create server  web-07  192.0.2.7`).
    static func describe(_ job: Job, service: Service, resources: [String: Resource] = [:]) -> String {
        let label = service.label(for: job.type)
        if let named = ResourceReference.named(by: job).lazy.compactMap({ resources[$0.id] }).first(where: \.hasName) {
            return "\(label)  \(resourceText(named))"
        }
        guard let resource = job.entities["resource_name"] ?? job.entities["image_name"] ?? job.entities["name"],
              !resource.isEmpty, !label.contains(resource) else { return label }
        return "\(label) \(resource)"
    }

    /// `web-07  192.0.2.7`: the name, then the fixed address (else the floating one).
    public static func resourceText(_ resource: Resource) -> String {
        let name = OneLine.of(resource.name ?? resource.id)
        guard let address = resource.fixedAddress ?? resource.floatingAddress else { return name }
        return "\(name)  \(OneLine.of(address))"
    }
}
