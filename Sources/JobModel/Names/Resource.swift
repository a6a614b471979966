/// A server or volume a job names by ID, as its own service describes it: what lets the
/// operator read `web-07` where the job says only a UUID.
public struct Resource: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case server, volume
    }

    public var kind: Kind
    public var id: String
    public var name: String?
    /// The service's own word (`ACTIVE`, `BUILD`, `in-use`).
    public var status: String?
    /// The first fixed (private) IPv4 address.
    public var fixedAddress: String?
    /// The floating (EIP) address, if one is bound.
    public var floatingAddress: String?
    public var availabilityZone: String?

    public init(
        kind: Kind, id: String, name: String? = nil, status: String? = nil,
        fixedAddress: String? = nil, floatingAddress: String? = nil, availabilityZone: String? = nil
    ) {
        self.kind = kind
        self.id = id
        self.name = name
        self.status = status
        self.fixedAddress = fixedAddress
        self.floatingAddress = floatingAddress
        self.availabilityZone = availabilityZone
    }

    /// Fixed first, then floating: the order `get --json` lists them in.
    public var addresses: [String] {
        [fixedAddress, floatingAddress].compactMap { $0 }
    }

    /// A name the service has given (a server being built may have none yet).
    public var hasName: Bool {
        !(name ?? "").isEmpty
    }
}
