import JobModel
/// A request as it will be sent, before signing.
public struct SigningRequest: Sendable, Hashable {
    public var method: String
    /// The `Host` header value: host, plus `:port` when the port is not the scheme's default.
    public var host: String
    /// The path as sent, already percent-encoded (`/v1/{project}/jobs/{job}`).
    public var path: String
    /// Query parameters, unencoded, in any order; a repeated key appears once per value.
    public var query: [QueryItem]
    /// Headers in any case; `X-Sdk-Date` must be among them.
    public var headers: [Header]
    public var body: [UInt8]

    public init(method: String, host: String, path: String, query: [QueryItem] = [], headers: [Header], body: [UInt8] = []) {
        self.method = method
        self.host = host
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    public struct QueryItem: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }

        /// A URL's query as received (`a=1&b=x%2Fy`), decoded, in order; `a&b=` gives `a=""`, `b=""`.
        public static func items(in rawQuery: String) -> [QueryItem] {
            rawQuery.split(separator: "&").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return QueryItem(PercentEncoding.decode(String(parts[0])), parts.count > 1 ? PercentEncoding.decode(String(parts[1])) : "")
            }
        }
    }

    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public func header(_ name: String) -> String? {
        headers.first { ASCIIName.equal($0.name, name) }?.value
    }
}

/// The result of signing, with every intermediate value (they are what the vectors check).
public struct SignedRequest: Sendable, Hashable {
    public var canonicalURI: String
    public var canonicalQuery: String
    public var signedHeaders: String
    public var payloadHash: String
    public var canonicalRequest: String
    public var canonicalRequestHash: String
    public var stringToSign: String
    public var signature: String
    public var authorization: String
    /// Every header to send, `Authorization` included.
    public var headers: [SigningRequest.Header]
}
