import Foundation

/// A CONNECT proxy on loopback that counts the HTTP requests going through its tunnels, so a
/// test can tell one jobwatch process's requests from another's at the same simulator (the
/// simulator counts per job, not per process). Tunnels only to 127.0.0.1.
struct CountingTunnel {
    let server: PythonServer

    /// A GET has no body: each request's head ends with the only blank line it sends.
    static let script = """
    import socket, sys, threading
    lock = threading.Lock()
    def pump(src, dst, counting):
        tail = b""
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if counting:
                    seen = tail + data
                    heads = seen.count(b"\\r\\n\\r\\n")
                    tail = seen[-3:]
                    if heads:
                        with lock:
                            sys.stdout.write("request\\n" * heads); sys.stdout.flush()
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
    def tunnel(client):
        head = b""
        while b"\\r\\n\\r\\n" not in head:
            data = client.recv(4096)
            if not data:
                client.close(); return
            head += data
        head, rest = head.split(b"\\r\\n\\r\\n", 1)
        method, target = head.split(b"\\r\\n")[0].decode().split(" ")[:2]
        host, port = target.rsplit(":", 1)
        if method != "CONNECT" or host != "127.0.0.1":
            with lock:
                sys.stdout.write("refused " + method + " " + target + "\\n"); sys.stdout.flush()
            client.sendall(b"HTTP/1.1 403 Forbidden\\r\\nContent-Length: 0\\r\\n\\r\\n"); client.close(); return
        upstream = socket.create_connection(("127.0.0.1", int(port)))
        client.sendall(b"HTTP/1.1 200 Connection established\\r\\n\\r\\n")
        if rest:
            upstream.sendall(rest)
            with lock:
                sys.stdout.write("request\\n" * rest.count(b"\\r\\n\\r\\n")); sys.stdout.flush()
        threading.Thread(target=pump, args=(client, upstream, True), daemon=True).start()
        pump(upstream, client, False)
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0)); s.listen(64)
    print(s.getsockname()[1], flush=True)
    while True:
        c, _ = s.accept(); threading.Thread(target=tunnel, args=(c,), daemon=True).start()
    """

    static func start() async throws -> CountingTunnel {
        CountingTunnel(server: try await PythonServer.start(script))
    }

    /// For a jobwatch of an `http://` endpoint (`http_proxy`: curl's spelling, which jobwatch reads).
    var environment: [String: String] { ["http_proxy": "http://127.0.0.1:\(server.port)"] }

    /// Requests that went through so far.
    var requests: Int { server.process.stdout.components(separatedBy: "request\n").count - 1 }

    /// What the proxy refused (nothing, unless jobwatch asked it for something else than a tunnel).
    var refusals: [String] { server.process.stdout.split(separator: "\n").filter { $0.hasPrefix("refused") }.map(String.init) }

    func stop() { server.stop() }
}
