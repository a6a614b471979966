import JobModel
import JobAPI

/// A request as it arrived: the raw (still percent-encoded) path, the `Host` it came with,
/// its headers and body. The signature is checked against exactly this.
struct ReceivedRequest: Sendable {
    var method: String
    var host: String
    /// The path as received, still percent-encoded, without the query.
    var path: String
    /// The query as received (after `?`), still encoded; nil when there was none.
    var rawQuery: String?
    var headers: [SigningRequest.Header]
    var body: [UInt8]

    init(method: String, host: String, target: String, headers: [SigningRequest.Header], body: [UInt8]) {
        self.method = method
        self.host = host
        if let mark = target.firstIndex(of: "?") {
            path = String(target[..<mark])
            rawQuery = String(target[target.index(after: mark)...])
        } else {
            path = target
            rawQuery = nil
        }
        self.headers = headers
        self.body = body
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Query items, decoded, in the order sent (`a&b=` gives `a=""`, `b=""`).
    var queryItems: [SigningRequest.QueryItem] {
        guard let rawQuery, !rawQuery.isEmpty else { return [] }
        return SigningRequest.QueryItem.items(in: rawQuery)
    }

    /// The same request in the signer's terms, `Host` included (HTTP/1 delivers it apart).
    var signingRequest: SigningRequest {
        var all = headers
        if !all.contains(where: { $0.name.lowercased() == "host" }) {
            all.append(.init("Host", host))
        }
        return SigningRequest(method: method, host: host, path: path, query: queryItems, headers: all, body: body)
    }

    /// The job route this request asks for, if any (`JobRoute`).
    var jobRoute: JobRoute? {
        JobRoute(path: path, query: queryItems)
    }
}
