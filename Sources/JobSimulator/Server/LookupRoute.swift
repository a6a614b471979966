import JobAPI
import JobModel

/// A lookup request's path (SERVICES.md §8), under any base path: one server or volume by ID,
/// or a list filtered by IDs. IDs are decoded.
struct LookupRoute: Sendable, Hashable {
    var api: LookupAPI
    var projectID: String
    /// `nil`: the list (`…/detail`).
    var id: String?

    init?(path: String) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard segments.count >= 5 else { return nil }
        let tail = Array(segments.suffix(4))
        guard !tail[1].isEmpty, !tail[3].isEmpty else { return nil }
        switch (tail[0], tail[2]) {
        case ("v1", "cloudservers"): api = .ecsServers
        case ("v1", "baremetalservers"): api = .bmsServer
        case ("v2", "cloudvolumes"): api = .evsVolumes
        default: return nil
        }
        projectID = PercentEncoding.decode(tail[1])
        let last = PercentEncoding.decode(tail[3])
        id = last == "detail" ? nil : last
    }
}
