import JobModel

/// Reads a server or volume object of ECS, BMS or EVS, tolerantly: every field may be missing,
/// null or of another type.
enum ResourceBody {
    static func server(_ json: JSONValue) -> Resource? {
        guard let id = json["id"]?.text else { return nil }
        var fixed: String?
        var floating: String?
        // Network keys in sorted order, so the "first" address is the same on every read.
        let networks = json["addresses"]?.objectValue ?? [:]
        for key in networks.keys.sorted() {
            guard case .array(let entries)? = networks[key] else { continue }
            for entry in entries {
                guard let address = entry["addr"]?.text, entry["version"]?.text ?? "4" == "4" else { continue }
                switch entry["OS-EXT-IPS:type"]?.text?.lowercased() {
                case "floating"?: if floating == nil { floating = address }
                default: if fixed == nil { fixed = address }
                }
            }
        }
        return Resource(
            kind: .server, id: id, name: json["name"]?.text, status: json["status"]?.text,
            fixedAddress: fixed, floatingAddress: floating,
            availabilityZone: json["OS-EXT-AZ:availability_zone"]?.text ?? json["availability_zone"]?.text
        )
    }

    static func volume(_ json: JSONValue) -> Resource? {
        guard let id = json["id"]?.text else { return nil }
        return Resource(
            kind: .volume, id: id, name: json["name"]?.text, status: json["status"]?.text,
            availabilityZone: json["availability_zone"]?.text ?? json["OS-EXT-AZ:availability_zone"]?.text
        )
    }
}
