/// How a profile's requests leave the host: the proxy rules and the certificates trusted.
/// Every request of the profile — jobs, name lookups — takes the route these give.
public struct NetworkSettings: Sendable, Hashable {
    public var proxy: ProxySetting
    public var trust: TrustStore

    public init(proxy: ProxySetting = .off, trust: TrustStore = .system) {
        self.proxy = proxy
        self.trust = trust
    }

    /// Direct, with the system's trust: the simulator of `--demo`, tests.
    public static let direct = NetworkSettings()

    public func route(to endpoint: Endpoint) -> Route {
        Route(proxy: proxy.route(scheme: endpoint.scheme, host: endpoint.host, port: endpoint.effectivePort), trust: trust)
    }
}

/// How one endpoint is reached: through which proxy (or none) and trusting what.
public struct Route: Sendable, Hashable, CustomStringConvertible {
    public var proxy: ProxyRoute
    public var trust: TrustStore

    public var description: String { proxy.description }
}
