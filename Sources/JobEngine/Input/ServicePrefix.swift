import JobModel

/// `SERVICE/JOB_ID`, as kubectl writes `type/name`: `ecs/ff80…`, `CCE/5ec1…`, `eip/…` (VPC).
/// Job IDs never hold a `/`, so the first one always ends a service name.
enum ServicePrefix {
    /// The named service (`nil` without a prefix) and the ID after it.
    static func split(_ text: String) throws(JobIDText.Problem) -> (Service?, String) {
        guard let slash = text.firstIndex(of: "/") else { return (nil, text) }
        let name = String(text[..<slash])
        guard let service = Service.named(name) else {
            throw JobIDText.Problem(description: "unknown service \(JobID.quoted(name)) in \(JobID.quoted(text)) — use one of: \(Service.knownNames)")
        }
        return (service, String(text[text.index(after: slash)...]))
    }
}
