import Foundation
import JobAPI
import JobModel

/// The name lookups (SERVICES.md §8): one server or volume by ID, ECS's list filtered by
/// `server_id`, EVS's by `ids=[…]`, BMS's in pages.
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
            // No ID filter, as documented: `offset` is the page (from 1), `limit` its size
            // (1000 when an offset is given, else 25), `count` every server there is.
            let items = request.queryItems
            let hasOffset = items.contains { $0.name == "offset" }
            let page = max(1, items.last { $0.name == "offset" }.flatMap { Int($0.value) } ?? 1)
            let limit = min(1000, max(1, items.last { $0.name == "limit" }.flatMap { Int($0.value) } ?? (hasOffset ? 1000 : 25)))
            let all = projectMatches ? catalog.order.compactMap { catalog.entry($0, api: .bmsServer, at: t)?.json(at: t) } : []
            let shown = all.dropFirst((page - 1) * limit).prefix(limit)
            return .json(200, .object([.init("count", .int(all.count)), .init("servers", .array(Array(shown)))]))
        case .evsVolumes:
            let ids = Self.volumeIDs(request.queryItems.last { $0.name == "ids" }?.value ?? "")
            let found = projectMatches ? ids.compactMap { catalog.entry($0, api: .evsVolumes, at: t)?.json(at: t) } : []
            return .json(200, .object([.init("count", .int(found.count)), .init("volumes", .array(found))]))
        case .ecsServers:
            let values = request.queryItems.filter { $0.name == "server_id" }.map(\.value)
            let asked: [String]? = switch options.serverIDFilter {
            case .repeated: values.contains { $0.contains(",") } ? nil : values
            case .comma: values.count == 1 ? values[0].split(separator: ",").map(String.init) : nil
            }
            let servers: [OrderedJSON]
            if let asked, !asked.isEmpty {
                servers = asked.map { id in
                    (projectMatches ? catalog.entry(id, api: .ecsServers, at: t) : nil)?.json(at: t) ?? ResourceCatalog.Entry.unknownServer(id)
                }
            } else {
                // A filter not understood is ignored: the first page of every server.
                servers = projectMatches ? catalog.order.compactMap { catalog.entry($0, api: .ecsServers, at: t)?.json(at: t) }.prefix(25).map { $0 } : []
            }
            return .json(200, .object([.init("count", .int(servers.count)), .init("servers", .array(servers))]))
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
