import Foundation
import JobAPI
import JobModel

/// The name lookups (SERVICES.md §8): one server or volume by ID, ECS's list filtered by
/// `server_id` (either form), EVS's by `ids=[…]`, and the three lists unfiltered, paged.
extension SimulatorCore {
    func lookupAnswer(_ request: ReceivedRequest, route: LookupRoute, now: Date, requestID: String) -> SimulatedAnswer {
        guard request.method.uppercased() == "GET" else { return ErrorBodies.methodNotAllowed(requestID: requestID) }
        let t = clock.elapsed(at: now)
        let projectMatches = options.projectID.map { $0 == route.projectID } ?? true
        if let id = route.id {
            guard projectMatches, let entry = catalog.entry(id, api: route.api, at: t) else {
                return ErrorBodies.resourceNotFound(route.api, id: id, requestID: requestID)
            }
            return .json(200, .object([.init(route.api == .evsVolumes ? "volume" : "server", entry.json(at: t))]))
        }
        switch route.api {
        case .bmsServer:
            // Paged as ECS's (`offset` the page); no ID filter is documented: jobwatch reads its
            // first page for many new servers at once.
            let visible = projectMatches ? visibleIDs(.bmsServer, at: t) : []
            // With an offset a page is 1000 servers unless `limit` says, else 25 (D-BMS).
            let hasOffset = request.queryItems.contains { $0.name == "offset" }
            let servers = bodies(ListPage(request.queryItems, defaultLimit: hasOffset ? 1000 : 25, offset: .pages).slice(visible), .bmsServer, at: t)
            return .json(200, .object([.init("servers", .array(servers)), .init("count", .int(visible.count))]))
        case .evsVolumes:
            // `ids` filters (unknown IDs ignored); without it, the project's volumes, paged.
            let visible = projectMatches ? visibleIDs(.evsVolumes, at: t) : []
            if let ids = request.queryItems.last(where: { $0.name == "ids" }) {
                let found = projectMatches ? bodies(Self.volumeIDs(ids.value)[...], .evsVolumes, at: t) : []
                return .json(200, .object([.init("count", .int(found.count)), .init("volumes", .array(found))]))
            }
            let page = ListPage(request.queryItems, defaultLimit: 1000, offset: .items)
            let ids = page.slice(visible)
            var members: [OrderedJSON.Member] = [
                .init("count", .int(visible.count)),
                .init("volumes", .array(bodies(ids, .evsVolumes, at: t))),
            ]
            // A page that stops short of the end links to the rest by marker (SDK `volumes_links`).
            if let last = ids.last, last != visible.last {
                let next = "\(request.path)?limit=\(page.limit)&marker=\(last)"
                members.append(.init("volumes_links", .array([.object([.init("href", .string(next)), .init("rel", .string("next"))])])))
            }
            return .json(200, .object(members))
        case .ecsServers:
            let asked = Self.serverIDs(request.queryItems.filter { $0.name == "server_id" }.map(\.value), understood: options.serverIDFilter)
            if let asked {
                // Every ID asked, in order; one ECS does not know is all null but `id` and `fault`.
                let servers = asked.map { id in
                    (projectMatches ? catalog.entry(id, api: .ecsServers, at: t) : nil)?.json(at: t) ?? ResourceCatalog.Entry.unknownServer(id)
                }
                return .json(200, .object([.init("count", .int(servers.count)), .init("servers", .array(servers))]))
            }
            // No filter, or one in a form not understood: a page of every server.
            let visible = projectMatches ? visibleIDs(.ecsServers, at: t) : []
            let servers = bodies(ListPage(request.queryItems, defaultLimit: 25, offset: .pages).slice(visible), .ecsServers, at: t)
            return .json(200, .object([.init("count", .int(visible.count)), .init("servers", .array(servers))]))
        }
    }

    /// What an unfiltered list holds at `t`, in the scenario's order.
    private func visibleIDs(_ api: LookupAPI, at t: Double) -> [String] {
        catalog.order.filter { catalog.entry($0, api: api, at: t) != nil }
    }

    /// The bodies of those of `ids` that `api` serves at `t`.
    private func bodies(_ ids: ArraySlice<String>, _ api: LookupAPI, at t: Double) -> [OrderedJSON] {
        ids.compactMap { catalog.entry($0, api: api, at: t)?.json(at: t) }
    }

    /// The IDs a `server_id` filter asks for, or nil when there is none or it is in a form
    /// this endpoint does not understand (then ECS ignores it).
    static func serverIDs(_ values: [String], understood: ServerIDFilter) -> [String]? {
        let split = values.flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty }
        guard !split.isEmpty else { return nil }
        switch understood {
        case .both: return split
        case .repeated: return values.contains { $0.contains(",") } ? nil : split
        case .comma: return values.count == 1 ? split : nil
        }
    }

    /// `["a","b"]` or `['a','b']`; anything unreadable is no ID.
    static func volumeIDs(_ text: String) -> [String] {
        text.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
            .split(separator: ",")
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")) }
            .filter { !$0.isEmpty }
    }
}

extension ErrorBodies {
    /// As ECS, BMS and EVS word a missing server or volume.
    static func resourceNotFound(_ api: LookupAPI, id: String, requestID: String) -> SimulatedAnswer {
        let (code, what) = switch api {
        case .ecsServers: ("Ecs.0114", "server")
        case .bmsServer: ("BMS.0208", "server")
        case .evsVolumes: ("EVS.2001", "volume")
        }
        return .json(404, .object([.init("error", .object([
            .init("code", .string(code)), .init("message", .string("The \(what) \(id) does not exist.")),
        ]))]))
    }

    /// A credential whose policy does not allow reading servers or volumes.
    static func lookupForbidden(requestID: String) -> SimulatedAnswer {
        gateway(403, code: "APIGW.0302", message: "The IAM or ACL policy of the user does not allow this API", requestID: requestID)
    }
}
