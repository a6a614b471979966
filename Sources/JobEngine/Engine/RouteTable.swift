import JobModel

/// Every loaded profile, and its route to every service, made once when the engine starts.
struct RouteTable: Sendable {
    /// By name; the first of two with one name wins.
    let profiles: [String: ProfileTarget]
    private let routes: [String: [Service: JobRoute]]

    init(_ list: [ProfileTarget]) {
        profiles = Dictionary(list.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        routes = profiles.mapValues { profile in
            Dictionary(uniqueKeysWithValues: Service.all.map { ($0, JobRoute(profile: profile, service: $0)) })
        }
    }

    /// The route of a profile's requests to a service; `nil` for a profile not loaded.
    func route(profile name: String, service: Service) -> JobRoute? {
        routes[name]?[service]
    }

    /// Each profile's route to its own service: budgets a snapshot shows before a job uses them.
    var defaultRoutes: [JobRoute] {
        profiles.values.compactMap { route(profile: $0.name, service: $0.service) }
    }

    /// Every route of every profile.
    var all: [JobRoute] { routes.values.flatMap(\.values) }
}
