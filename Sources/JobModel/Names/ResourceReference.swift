/// Which entity keys name a resource that can be looked up, and of what kind.
public enum ResourceReference {
    /// `server_id` and `volume_id`, in the order a label prefers them.
    public static let keys: [(key: String, kind: Resource.Kind)] = [("server_id", .server), ("volume_id", .volume)]

    /// The resources a job's own entities name (not its sub-jobs'), servers first.
    public static func named(by job: Job) -> [(kind: Resource.Kind, id: String)] {
        keys.compactMap { entry in
            guard let id = job.entities[entry.key], !id.isEmpty else { return nil }
            return (entry.kind, id)
        }
    }
}
