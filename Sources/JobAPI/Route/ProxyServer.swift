import JobModel
import Foundation

/// An HTTP (or SOCKS5) proxy as curl reads it from a URL: `http://user:pass@host:3128`,
/// `host:3128` (http assumed), `socks5://host:1080`. The password is kept for
/// `Proxy-Authorization` and never shown: `description` is `host:port`.
public struct ProxyServer: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable { case http, socks5 }

    public let kind: Kind
    public let host: String
    public let port: Int
    public let user: String?
    let password: String?

    public struct Problem: UsageProblem, Sendable, Hashable {
        public var description: String
    }

    /// - Parameter origin: where the text came from (`HTTPS_PROXY`, `--proxy`), for the message.
    public init(parsing text: String, origin: String) throws(Problem) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let withScheme = trimmed.contains("://") ? trimmed : "http://" + trimmed
        // Never echo the text: it may carry a password.
        guard let components = URLComponents(string: withScheme), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty
        else {
            throw Problem(description: "\(origin) is not a proxy URL — give one like http://proxy.example.com:3128 (user:password@ before the host if it needs a login)")
        }
        switch scheme {
        case "http": kind = .http
        case "socks5", "socks5h": kind = .socks5
        case "https":
            throw Problem(description: "\(origin) asks for TLS to the proxy itself (https://), which jobwatch does not speak — give the proxy as http://host:port (requests to the API are still TLS, tunnelled with CONNECT)")
        default:
            throw Problem(description: "\(origin) has scheme \(scheme), not a proxy jobwatch speaks — give http://host:port or socks5://host:port")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw Problem(description: "\(origin) has port \(port), which does not exist — give a port from 1 to 65535")
        }
        if components.path.count > 1 || components.query != nil {
            throw Problem(description: "\(origin) has a path or query — give only http://[user:password@]host:port")
        }
        self.host = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        // curl's default port for a proxy URL without one.
        self.port = components.port ?? 1080
        self.user = components.user?.removingPercentEncoding ?? components.user
        self.password = components.password?.removingPercentEncoding ?? components.password
        if kind == .socks5, user != nil {
            throw Problem(description: "\(origin) gives a login for a SOCKS5 proxy, which jobwatch cannot send — use an http:// proxy, or one that needs no login")
        }
    }

    /// `host:port`, never the login.
    public var description: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return "\(bracketed):\(port)"
    }

    /// The password, for the redactor of everything that is logged or shown.
    public var secrets: [String] { [password].compactMap { $0 }.filter { !$0.isEmpty } }
}
