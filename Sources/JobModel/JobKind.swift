/// Human labels for job types, from every service's descriptor (`Service.kinds`).
public enum JobKind {
    /// Short label for a `job_type`; unknown types are shown as they are.
    public static func label(for type: String?, service: Service? = nil) -> String {
        guard let type, !type.isEmpty else { return "job" }
        if let service { return service.label(for: type) }
        return kind(of: type)?.label ?? type
    }

    /// Whether some service documents the type (and so it has a human label).
    public static func isKnown(_ type: String?) -> Bool {
        guard let type else { return false }
        return kind(of: type) != nil
    }

    /// The first service's entry for the type: types do not collide across services.
    public static func kind(of type: String) -> Service.Kind? {
        for service in Service.all {
            if let kind = service.kinds[type] { return kind }
        }
        return nil
    }
}
