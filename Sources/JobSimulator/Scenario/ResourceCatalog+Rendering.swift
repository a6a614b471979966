import JobAPI
import JobModel

/// Server and volume objects shaped like SERVICES.md §8 (the doc's keys, trimmed).
extension ResourceCatalog.Entry {
    func json(at t: Double) -> OrderedJSON {
        api == .evsVolumes ? volumeJSON(at: t) : serverJSON(at: t)
    }

    /// `ACTIVE` once its job succeeded, `BUILD` before, `ERROR` if it failed.
    private func serverStatus(at t: Double) -> String {
        guard plan.isTerminal(at: t) else { return "BUILD" }
        if case .fail = plan.outcome { return "ERROR" }
        return "ACTIVE"
    }

    private func serverJSON(at t: Double) -> OrderedJSON {
        var addresses: [OrderedJSON] = []
        if let fixedAddress {
            addresses.append(.object([
                .init("version", .string("4")), .init("addr", .string(fixedAddress)),
                .init("OS-EXT-IPS-MAC:mac_addr", .string("fa:16:3e:00:00:01")), .init("OS-EXT-IPS:type", .string("fixed")),
            ]))
        }
        if let floatingAddress {
            addresses.append(.object([
                .init("version", .string("4")), .init("addr", .string(floatingAddress)),
                .init("OS-EXT-IPS-MAC:mac_addr", .string("fa:16:3e:00:00:01")), .init("OS-EXT-IPS:type", .string("floating")),
            ]))
        }
        return .object([
            .init("id", .string(id)),
            .init("name", .string(name)),
            .init("addresses", .object([.init("0431c5e5-bc94-4a44-8263-15da2a642435", .array(addresses))])),
            .init("status", .string(serverStatus(at: t))),
            .init("OS-EXT-AZ:availability_zone", .string(availabilityZone)),
        ])
    }

    private func volumeJSON(at t: Double) -> OrderedJSON {
        .object([
            .init("attachments", .array([])),
            .init("availability_zone", .string(availabilityZone)),
            .init("id", .string(id)),
            .init("size", .int(100)),
            .init("status", .string(plan.isTerminal(at: t) ? "in-use" : "creating")),
            .init("name", .string(name)),
            .init("bootable", .string("false")),
            .init("volume_type", .null),
        ])
    }

    /// What ECS lists for an ID it does not know: every field null but `id` and `fault`.
    static func unknownServer(_ id: String) -> OrderedJSON {
        .object([
            .init("id", .string(id)), .init("name", .null), .init("addresses", .null), .init("status", .null),
            .init("fault", .object([.init("code", .int(404)), .init("message", .string("Instance \(id) could not be found."))])),
        ])
    }
}
