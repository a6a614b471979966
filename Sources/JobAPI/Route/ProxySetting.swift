import Foundation

/// Which proxy a profile's requests take, before the endpoint is known: `--proxy` over the
/// profile's `proxy` over the environment, as curl and the official SDKs read it.
public struct ProxySetting: Sendable, Hashable {
    /// A proxy and where it came from (`HTTPS_PROXY`, `--proxy`).
    struct Chosen: Sendable, Hashable {
        var server: ProxyServer
        var origin: String
    }

    /// A proxy for https endpoints and one for http endpoints.
    var https: Chosen?
    var http: Chosen?
    /// Set when `--proxy none` or `"proxy": "none"` turned every proxy off.
    var offBy: String?
    var noProxy: NoProxyList
    var noProxyOrigin: String

    public static let off = ProxySetting(https: nil, http: nil, offBy: "no proxy set", noProxy: NoProxyList(""), noProxyOrigin: "")

    /// From the environment alone: `https_proxy` then `HTTPS_PROXY` for https, `http_proxy` for
    /// http (curl ignores upper-case `HTTP_PROXY`, which a web server's CGI may set from a
    /// request header), `all_proxy`/`ALL_PROXY` for either; `no_proxy` then `NO_PROXY`.
    public static func environment(_ environment: [String: String]) throws(ProxyServer.Problem) -> ProxySetting {
        func first(_ names: [String]) -> (value: String, name: String)? {
            for name in names {
                if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return (value, name) }
            }
            return nil
        }
        func server(_ names: [String]) throws(ProxyServer.Problem) -> Chosen? {
            guard let (value, name) = first(names) else { return nil }
            return Chosen(server: try ProxyServer(parsing: value, origin: name), origin: name)
        }
        let all = ["all_proxy", "ALL_PROXY"]
        let noProxy = first(["no_proxy", "NO_PROXY"])
        return ProxySetting(
            https: try server(["https_proxy", "HTTPS_PROXY"] + all), http: try server(["http_proxy"] + all), offBy: nil,
            noProxy: NoProxyList(noProxy?.value ?? ""), noProxyOrigin: noProxy?.name ?? ""
        )
    }

    /// `--proxy` or the profile's `proxy`: a URL for every endpoint, or `none`. `NO_PROXY`
    /// still applies, as it does to curl's `--proxy`.
    public static func given(_ text: String, origin: String, environment: [String: String]) throws(ProxyServer.Problem) -> ProxySetting {
        var setting = try Self.environment(environment)
        if text.trimmingCharacters(in: .whitespaces).lowercased() == "none" {
            setting.https = nil
            setting.http = nil
            setting.offBy = "\(origin) none"
            return setting
        }
        let server = try ProxyServer(parsing: text, origin: origin)
        setting.https = Chosen(server: server, origin: origin)
        setting.http = Chosen(server: server, origin: origin)
        setting.offBy = nil
        return setting
    }

    /// The route to an endpoint: the proxy for its scheme unless `NO_PROXY` names its host;
    /// a link-local address (the metadata service) is always reached direct.
    public func route(scheme: String, host: String, port: Int) -> ProxyRoute {
        if let offBy { return .direct(reason: offBy) }
        if NoProxyList.isLinkLocal(host) { return .direct(reason: "link-local address, never proxied") }
        guard let chosen = scheme == "https" ? https : http else {
            return .direct(reason: scheme == "https" ? "no https_proxy or HTTPS_PROXY set" : "no http_proxy set")
        }
        if let entry = noProxy.match(host: host, port: port) {
            return .direct(reason: "\(noProxyOrigin) matches \(entry)")
        }
        return .proxy(chosen.server, origin: chosen.origin)
    }

    /// Every proxy password, for redactors.
    public var secrets: [String] { (https?.server.secrets ?? []) + (http?.server.secrets ?? []) }

}

/// How one endpoint is reached.
public enum ProxyRoute: Sendable, Hashable, CustomStringConvertible {
    case direct(reason: String)
    case proxy(ProxyServer, origin: String)

    public var server: ProxyServer? {
        if case .proxy(let server, _) = self { server } else { nil }
    }

    /// `via proxy 127.0.0.1:3128 (HTTPS_PROXY)`, `direct (NO_PROXY matches .internal)`.
    public var description: String {
        switch self {
        case .direct(let reason): "direct (\(reason))"
        case .proxy(let server, let origin): "via proxy \(server) (\(origin))"
        }
    }
}

extension NoProxyList {
    /// 169.254.0.0/16 and fe80::/10: the metadata service's addresses.
    static func isLinkLocal(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        guard let bytes = addressBytes(bare) else { return false }
        if bytes.count == 4 { return bytes[0] == 169 && bytes[1] == 254 }
        return bytes.count == 16 && bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80
    }
}
