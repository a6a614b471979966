import Foundation
import JobModel

/// Where the job API is served: `https://bms.{region}.myhuaweicloud.com`, or any URL given
/// with `--endpoint` (private clouds, proxies, the simulator).
public struct Endpoint: Sendable, Hashable {
    public let scheme: String
    public let host: String
    public let port: Int?
    /// A path prefix the URL carried (a proxy's), without a trailing `/`.
    public let basePath: String

    public struct Problem: UsageProblem, Sendable, Hashable {
        public var description: String
    }

    /// The public endpoint of a service in a region such as `cn-north-4`.
    public static func region(_ region: String, service: Service = .bms, cloud: Cloud = .huaweicloud) throws(Problem) -> Endpoint {
        let valid = !region.isEmpty && region.utf8.allSatisfy {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-")
        }
        guard valid else {
            throw Problem(description: "region \(region.debugDescription) is not a region name — use one like cn-north-4 or ap-southeast-1")
        }
        return Endpoint(scheme: "https", host: service.host(region: region, cloud: cloud), port: nil, basePath: "")
    }

    /// Parses an endpoint URL. Plain `http` is allowed for loopback only: anywhere else the
    /// signed requests and their tokens would cross the network unencrypted.
    public init(parsing text: String) throws(Problem) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty
        else {
            throw Problem(description: "endpoint \(trimmed.debugDescription) is not a URL — use one like https://bms.cn-north-4.myhuaweicloud.com")
        }
        // Not echoed: a user part or query may carry a password or token.
        if components.query != nil || components.user != nil || components.password != nil {
            throw Problem(description: "endpoint has a query or user part — give only scheme, host, port and path")
        }
        // After the user-part check, since the text is echoed. NIO traps on a port over 65535.
        if let port = components.port, !(1...65535).contains(port) {
            throw Problem(description: "endpoint \(trimmed.debugDescription) has port \(port), which does not exist — give a port from 1 to 65535")
        }
        // A port too large for an Int is dropped by URLComponents, which would mean port 80/443.
        if components.port == nil, let authority = trimmed.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first,
           let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("]"), authority.index(after: colon) != authority.endIndex {
            throw Problem(description: "endpoint \(trimmed.debugDescription) has a port that does not exist — give a port from 1 to 65535")
        }
        guard scheme == "https" || scheme == "http" else {
            throw Problem(description: "endpoint \(trimmed.debugDescription) has scheme \(scheme) — use https://")
        }
        if scheme == "http", !Self.isLoopback(host) {
            throw Problem(description: "endpoint \(trimmed.debugDescription) uses plain http to a non-loopback host — use https:// (http is allowed only for 127.0.0.1, localhost and ::1)")
        }
        var base = components.percentEncodedPath
        while base.hasSuffix("/") { base.removeLast() }
        self.init(scheme: scheme, host: host, port: components.port, basePath: base)
    }

    public init(scheme: String, host: String, port: Int?, basePath: String) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.basePath = basePath
    }

    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" { return true }
        // 127.0.0.0/8 as a dotted quad only: "127.example.com" is a public name.
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { octet in
            (1...3).contains(octet.count) && octet.allSatisfy { $0.isASCII && $0.isNumber } && Int(octet)! <= 255
        }
    }

    /// The `Host` header: the port only when it is not the scheme's default.
    public var hostHeader: String {
        guard let port, port != defaultPort else { return bracketedHost }
        return "\(bracketedHost):\(port)"
    }

    /// The percent-encoded path of a job of a service (the database family's ID goes in the
    /// query instead: `Service.jobQuery`). A DMS ID `INSTANCE_ID/TASK_ID` fills both places.
    public func jobPath(service: Service = .bms, projectID: String, jobID: String) -> String {
        let (instance, job) = service.idNamesInstance ? Service.instanceAndTask(jobID) ?? ("", jobID) : ("", jobID)
        return basePath + service.jobPath
            .replacingOccurrences(of: "{project_id}", with: PercentEncoding.encode(projectID))
            .replacingOccurrences(of: "{domain_id}", with: PercentEncoding.encode(projectID))
            .replacingOccurrences(of: "{instance_id}", with: PercentEncoding.encode(instance))
            .replacingOccurrences(of: "{job_id}", with: PercentEncoding.encode(job))
    }

    /// Host, port (explicit or the scheme's) and path prefix: what a job's identity and a
    /// budget are keyed by.
    public var identity: String {
        "\(bracketedHost.lowercased()):\(effectivePort)\(basePath)"
    }

    /// An IPv6 host in brackets, as URLs and `Host` headers write it.
    private var bracketedHost: String { host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host }

    private var defaultPort: Int { scheme == "https" ? 443 : 80 }

    /// The port requests go to: the explicit one, else the scheme's.
    public var effectivePort: Int { port ?? defaultPort }

    /// `host:port`, always with the port: what a proxy's `CONNECT` names.
    var connectTarget: String { "\(bracketedHost):\(effectivePort)" }

    public func url(path: String) -> String {
        "\(scheme)://\(hostHeader)\(path)"
    }
}

extension Endpoint: CustomStringConvertible {
    public var description: String { "\(scheme)://\(hostHeader)\(basePath)" }
}
