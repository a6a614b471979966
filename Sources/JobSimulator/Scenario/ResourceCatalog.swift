import JobAPI
import JobModel

/// Every server and volume a scenario's jobs name, with a name, addresses and a zone: what the
/// lookup APIs answer. Made from the scenario, so it is the same every run.
struct ResourceCatalog: Sendable {
    struct Entry: Sendable, Hashable {
        var api: LookupAPI
        var id: String
        var name: String
        var fixedAddress: String?
        var floatingAddress: String?
        var availabilityZone: String
        /// The job that makes or uses it: its status follows that job's.
        var plan: JobPlan
        /// Scenario second before which it answers 404 (a server not yet visible).
        var visibleFrom: Double
    }

    private(set) var entries: [String: Entry] = [:]
    /// In the order the scenario names them (what an unfiltered list answers).
    private(set) var order: [String] = []

    /// The first ECS server stays invisible for a minute after its job appears.
    static let lateServerDelay = 60.0

    init(_ scenario: Scenario) {
        var entries: [String: Entry] = [:]
        var order: [String] = []
        var counts: [LookupAPI: Int] = [:]
        var lateServerPlaced = false
        func visit(_ plan: JobPlan) {
            for member in plan.attributes {
                guard case .string(let id) = member.value,
                      let kind = ResourceReference.keys.first(where: { $0.key == member.key })?.kind,
                      entries[id] == nil else { continue }
                let api = LookupAPI.forEntity(kind, of: plan.service)
                let number = counts[api, default: 0] + 1
                counts[api] = number
                var visibleFrom = -Double.infinity
                if api == .ecsServers, !lateServerPlaced {
                    lateServerPlaced = true
                    visibleFrom = plan.createdAt + Self.lateServerDelay
                }
                entries[id] = Entry(
                    api: api, id: id, name: Self.ownName(of: plan, api: api) ?? Self.name(api, number),
                    // Documentation ranges only (RFC 5737): they are strings in JSON, never dialled.
                    fixedAddress: kind == .server ? "192.0.2.\((number - 1) % 254 + 1)" : nil,
                    floatingAddress: kind == .server && number % 2 == 1 ? "198.51.100.\((number - 1) % 254 + 1)" : nil,
                    availabilityZone: "cn-north-4\(["a", "b", "c"][number % 3])",
                    plan: plan, visibleFrom: visibleFrom
                )
                order.append(id)
            }
            plan.subJobs.forEach(visit)
        }
        scenario.jobs.forEach(visit)
        self.entries = entries
        self.order = order
    }

    /// `web-01`, `db-bare-1`, `data-a` … `data-z`, then `data-27`: for resources no job names.
    static func name(_ api: LookupAPI, _ number: Int) -> String {
        switch api {
        case .ecsServers: return number < 10 ? "web-0\(number)" : "web-\(number)"
        case .bmsServer: return "db-bare-\(number)"
        case .evsVolumes:
            guard number <= 26 else { return "data-\(number)" }
            return "data-" + String(Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(number - 1))))
        }
    }

    /// The name a volume's own EVS job gives it (`entities.name`): the volume list must say
    /// the same, as the real one does.
    static func ownName(of plan: JobPlan, api: LookupAPI) -> String? {
        guard api == .evsVolumes, plan.service == .evs,
              case .string(let name)? = plan.attributes.first(where: { $0.key == "name" })?.value else { return nil }
        return name
    }

    /// The resource if it is served by `api` and visible at `t`.
    func entry(_ id: String, api: LookupAPI, at t: Double) -> Entry? {
        guard let entry = entries[id], entry.api == api, t >= entry.visibleFrom, t >= entry.plan.createdAt else { return nil }
        return entry
    }
}
