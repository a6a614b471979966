import Foundation
import NIOCore

/// `NO_PROXY` as curl reads it: comma-separated entries; `*` alone matches every host; a
/// name matches itself and its subdomains (`example.com` and `.example.com` both match
/// `api.example.com`); an IP address or CIDR block matches addresses; `entry:port` only that port.
public struct NoProxyList: Sendable, Hashable {
    struct Entry: Sendable, Hashable {
        /// As written, for `doctor`.
        var text: String
        var pattern: Pattern
        var port: Int?
    }

    enum Pattern: Sendable, Hashable {
        case everything
        case domain(String)
        case network(address: [UInt8], prefixBits: Int)
    }

    let entries: [Entry]

    public init(_ text: String) {
        entries = text.split(separator: ",").compactMap { Self.entry(String($0).trimmingCharacters(in: .whitespaces)) }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The entry (as written) that sends `host` on `port` direct, or nil.
    public func match(host: String, port: Int) -> String? {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        let name = bare.hasSuffix(".") ? String(bare.dropLast()) : bare
        let address = Self.addressBytes(name)
        for entry in entries {
            if let wanted = entry.port, wanted != port { continue }
            switch entry.pattern {
            case .everything:
                return entry.text
            case .domain(let domain):
                if address == nil, name == domain || name.hasSuffix("." + domain) { return entry.text }
            case .network(let network, let bits):
                if let address, address.count == network.count, Self.prefix(address, equals: network, bits: bits) { return entry.text }
            }
        }
        return nil
    }

    static func entry(_ text: String) -> Entry? {
        guard !text.isEmpty else { return nil }
        if text == "*" { return Entry(text: text, pattern: .everything, port: nil) }
        var hostPart = text.lowercased()
        var port: Int?
        // `[v6]:port`, `name:port`, `v4:port`; a bare IPv6 address has several colons.
        if hostPart.hasPrefix("["), let close = hostPart.firstIndex(of: "]") {
            let rest = hostPart[hostPart.index(after: close)...]
            if rest.hasPrefix(":") { port = Int(rest.dropFirst()) }
            hostPart = String(hostPart[hostPart.index(after: hostPart.startIndex)..<close])
        } else if hostPart.filter({ $0 == ":" }).count == 1, let colon = hostPart.lastIndex(of: ":") {
            guard let number = Int(hostPart[hostPart.index(after: colon)...]) else { return nil }
            port = number
            hostPart = String(hostPart[..<colon])
        }
        var prefixBits: Int?
        if let slash = hostPart.firstIndex(of: "/") {
            prefixBits = Int(hostPart[hostPart.index(after: slash)...])
            hostPart = String(hostPart[..<slash])
        }
        if let address = addressBytes(hostPart) {
            let bits = min(prefixBits ?? address.count * 8, address.count * 8)
            return Entry(text: text, pattern: .network(address: address, prefixBits: max(0, bits)), port: port)
        }
        while hostPart.hasPrefix(".") { hostPart.removeFirst() }
        while hostPart.hasSuffix(".") { hostPart.removeLast() }
        guard !hostPart.isEmpty, prefixBits == nil else { return nil }
        return Entry(text: text, pattern: .domain(hostPart), port: port)
    }

    /// The bytes of an IPv4 or IPv6 address written as one, else nil (a name).
    static func addressBytes(_ text: String) -> [UInt8]? {
        guard !text.isEmpty, text.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) else { return nil }
        guard let address = try? SocketAddress(ipAddress: text, port: 0) else { return nil }
        switch address {
        case .v4(let v4):
            return withUnsafeBytes(of: v4.address.sin_addr) { Array($0) }
        case .v6(let v6):
            return withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
        default:
            return nil
        }
    }

    static func prefix(_ a: [UInt8], equals b: [UInt8], bits: Int) -> Bool {
        var left = bits
        for (x, y) in zip(a, b) where left > 0 {
            let take = min(8, left)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - take))
            if x & mask != y & mask { return false }
            left -= take
        }
        return true
    }
}
