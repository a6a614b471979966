import Foundation
import JobModel
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS

/// Says why an endpoint's certificate was refused — not trusted, expired, or for another
/// name — so that the message names what to fix. A handshake the library refused says only
/// "verify failed"; this one shakes hands again, over the same route, and reads the
/// certificate. Nothing is sent after the handshake: no request, no credential.
enum CertificateProbe {
    /// One line, or nil when the endpoint's certificate cannot be read at all.
    static func diagnose(_ endpoint: Endpoint, route: Route, timeout: Duration, now: Date = Date()) async -> String? {
        let host = endpoint.host
        let deadline = NIODeadline.now() + .nanoseconds(timeout.nanoseconds)
        guard let leaf = try? await handshake(endpoint, route: route, verification: .none, deadline: deadline) else {
            return nil
        }
        let names = CertificateNames(leaf)
        if !names.covers(host) {
            // Trusted but for another name, or not trusted either: only the full check tells.
            if (try? await handshake(endpoint, route: route, verification: .noHostnameVerification, deadline: deadline)) != nil {
                return "certificate is for \(names.listed), not \(host)"
            }
        }
        let notAfter = Date(timeIntervalSince1970: TimeInterval(leaf.notValidAfter))
        let notBefore = Date(timeIntervalSince1970: TimeInterval(leaf.notValidBefore))
        if notAfter < now { return "certificate expired on \(Self.day(notAfter)) (subject \"\(names.subject)\")" }
        if notBefore > now { return "certificate not valid before \(Self.day(notBefore)) (subject \"\(names.subject)\"): check this host's clock" }
        let issuer = leaf.issuerName.first { $0.type == .commonName }?.value ?? leaf.issuerName.first?.value ?? "unnamed"
        return "certificate not trusted (issuer \"\(OneLine.of(issuer))\")"
    }

    static func day(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }

    /// Connects (through the route's proxy, with `CONNECT`), shakes hands, and returns the
    /// server's certificate; throws when the handshake fails.
    static func handshake(_ endpoint: Endpoint, route: Route, verification: CertificateVerification, deadline: NIODeadline) async throws -> NIOSSLCertificate? {
        var tls = route.trust.tlsConfiguration()
        tls.certificateVerification = verification
        let context = try NIOSSLContext(configuration: tls)
        let proxy = route.proxy.server
        if let proxy, proxy.kind != .http { throw ProbeFailure.unsupportedProxy }
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.nanoseconds(max(0, (deadline - .now()).nanoseconds)))
            .connect(host: proxy?.host ?? endpoint.host, port: proxy?.port ?? endpoint.effectivePort).get()
        let timeout = channel.eventLoop.scheduleTask(deadline: deadline) { channel.close(promise: nil) }
        defer {
            timeout.cancel()
            channel.close(promise: nil)
        }
        if let proxy {
            let reply = channel.eventLoop.makePromise(of: Void.self)
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(TunnelReply(promise: reply))
                var request = "CONNECT \(endpoint.connectTarget) HTTP/1.1\r\nHost: \(endpoint.connectTarget)\r\n"
                if let user = proxy.user {
                    request += "Proxy-Authorization: Basic \(Data("\(user):\(proxy.password ?? "")".utf8).base64EncodedString())\r\n"
                }
                channel.writeAndFlush(ByteBuffer(string: request + "\r\n"), promise: nil)
            }.get()
            try await reply.futureResult.get()
        }
        let done = channel.eventLoop.makePromise(of: NIOSSLCertificate?.self)
        let serverName = NoProxyList.addressBytes(endpoint.host) == nil ? endpoint.host : nil
        try await channel.eventLoop.submit {
            let tlsHandler = try NIOSSLClientHandler(context: context, serverHostname: serverName)
            try channel.pipeline.syncOperations.addHandlers([tlsHandler, HandshakeWatcher(promise: done)])
        }.get()
        return try await done.futureResult.get()
    }

    enum ProbeFailure: Error { case unsupportedProxy, tunnelRefused, closed }

    /// Waits for the proxy's answer to `CONNECT`, then steps aside.
    final class TunnelReply: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = ByteBuffer
        private let promise: EventLoopPromise<Void>
        private var head = ByteBuffer()

        init(promise: EventLoopPromise<Void>) { self.promise = promise }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var chunk = unwrapInboundIn(data)
            head.writeBuffer(&chunk)
            let text = String(buffer: head)
            guard text.contains("\r\n\r\n") || head.readableBytes > 16 * 1024 else { return }
            let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) }
            context.pipeline.syncOperations.removeHandler(self, promise: nil)
            if status.map({ (200..<300).contains($0) }) == true { promise.succeed() } else { promise.fail(ProbeFailure.tunnelRefused) }
        }

        func channelInactive(context: ChannelHandlerContext) { promise.fail(ProbeFailure.closed) }
        func errorCaught(context: ChannelHandlerContext, error: any Error) { promise.fail(error) }
    }

    /// Completes with the peer's certificate once the handshake is done, or its error.
    final class HandshakeWatcher: ChannelInboundHandler {
        typealias InboundIn = NIOAny
        private let promise: EventLoopPromise<NIOSSLCertificate?>

        init(promise: EventLoopPromise<NIOSSLCertificate?>) { self.promise = promise }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if case TLSUserEvent.handshakeCompleted = event {
                let handler = try? context.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self)
                promise.succeed(handler?.peerCertificate)
            }
            context.fireUserInboundEventTriggered(event)
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) { promise.fail(error) }
        func channelInactive(context: ChannelHandlerContext) { promise.fail(ProbeFailure.closed) }
    }
}

/// The names a certificate is for: its subject alternative names (DNS and IP), else its CN.
struct CertificateNames {
    var dns: [String] = []
    var addresses: [[UInt8]] = []
    var subject: String

    init(_ certificate: NIOSSLCertificate) {
        subject = OneLine.of(certificate.subjectName.first { $0.type == .commonName }?.value ?? "unnamed")
        for name in certificate._subjectAlternativeNames() {
            let bytes = name.contents.withUnsafeBufferPointer { Array($0) }
            if name.nameType == .dnsName {
                dns.append(String(decoding: bytes, as: UTF8.self).lowercased())
            } else if name.nameType == .ipAddress {
                addresses.append(bytes)
            }
        }
        if dns.isEmpty, addresses.isEmpty { dns = [subject.lowercased()] }
    }

    func covers(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if let address = NoProxyList.addressBytes(bare) { return addresses.contains(address) }
        return dns.contains { pattern in
            if pattern.hasPrefix("*.") {
                let suffix = pattern.dropFirst(1)
                return bare.hasSuffix(suffix) && !bare.dropLast(suffix.count).contains(".") && bare.count > suffix.count
            }
            return pattern == bare
        }
    }

    /// Up to three names, for the message.
    var listed: String {
        let all = dns.map(OneLine.of) + addresses.map { bytes in
            bytes.count == 4 ? bytes.map(String.init).joined(separator: ".") : stride(from: 0, to: bytes.count, by: 2).map { String(format: "%x", Int(bytes[$0]) << 8 | Int(bytes[$0 + 1])) }.joined(separator: ":")
        }
        return all.prefix(3).joined(separator: ", ") + (all.count > 3 ? " and \(all.count - 3) more" : "")
    }
}
