import Crypto
import Foundation
import JobModel

/// `SDK-HMAC-SHA256`, byte for byte as the official Huawei Cloud SDK signer does it.
public enum Signer {
    public static let algorithm = "SDK-HMAC-SHA256"
    static let unsignedPayload = "UNSIGNED-PAYLOAD"

    /// Signs `request` with an AK/SK. Like the SDK, it adds `Host`, `X-Project-Id` (when
    /// `projectID` is given), `X-Security-Token` (temporary credentials) and, for a body that is
    /// not JSON, `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD`, and signs them.
    public static func sign(
        _ request: SigningRequest, with key: Credential.AccessKey, projectID: String? = nil
    ) -> SignedRequest {
        var headers = request.headers
        func add(_ name: String, _ value: String) {
            if !headers.contains(where: { $0.name.lowercased() == name.lowercased() }) {
                headers.append(.init(name, value))
            }
        }
        add("Host", request.host)
        if let projectID, !projectID.isEmpty { add("X-Project-Id", projectID) }
        if let token = key.securityToken, !token.isEmpty { add("X-Security-Token", token.exposed) }
        if let contentType = request.header("Content-Type"),
           !contentType.lowercased().hasPrefix("application/json") {
            add("X-Sdk-Content-Sha256", unsignedPayload)
        }
        var complete = request
        complete.headers = headers
        let parts = canonicalParts(of: complete)
        let signature = signature(of: parts.canonicalRequest, date: complete.header("X-Sdk-Date") ?? "", secretKey: key.secretKey)
        let authorization = "\(algorithm) Access=\(key.accessKeyID), SignedHeaders=\(parts.signedHeaders), Signature=\(signature.signature)"
        return SignedRequest(
            canonicalURI: parts.canonicalURI,
            canonicalQuery: parts.canonicalQuery,
            signedHeaders: parts.signedHeaders,
            payloadHash: parts.payloadHash,
            canonicalRequest: parts.canonicalRequest,
            canonicalRequestHash: signature.canonicalRequestHash,
            stringToSign: signature.stringToSign,
            signature: signature.signature,
            authorization: authorization,
            headers: headers + [.init("Authorization", authorization)]
        )
    }

    // MARK: - Pieces, shared with the verifying side (the simulator)

    package struct CanonicalParts: Sendable, Hashable {
        package var canonicalURI: String
        package var canonicalQuery: String
        package var signedHeaders: String
        package var payloadHash: String
        package var canonicalRequest: String
    }

    /// The canonical request of a complete request: all its headers are signed except those
    /// whose name contains `_` (the SDK sends but never signs them).
    package static func canonicalParts(of request: SigningRequest, onlySigning names: [String]? = nil) -> CanonicalParts {
        let uri = canonicalURI(request.path)
        let query = canonicalQuery(request.query)
        var byName: [String: String] = [:]
        for header in request.headers {
            let name = header.name.lowercased()
            if name.contains("_") { continue }
            if let names, !names.contains(name) { continue }
            if byName[name] == nil {
                byName[name] = header.value.trimmingCharacters(in: .whitespaces)
            }
        }
        let sortedNames = byName.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let headerBlock = sortedNames.map { "\($0):\(byName[$0]!)\n" }.joined()
        let signedHeaders = sortedNames.joined(separator: ";")
        let payloadHash: String =
            request.header("X-Sdk-Content-Sha256") == unsignedPayload
            ? unsignedPayload
            : hex(SHA256.hash(data: request.body))
        let canonicalRequest = [request.method.uppercased(), uri, query, headerBlock, signedHeaders, payloadHash]
            .joined(separator: "\n")
        return CanonicalParts(
            canonicalURI: uri, canonicalQuery: query, signedHeaders: signedHeaders,
            payloadHash: payloadHash, canonicalRequest: canonicalRequest
        )
    }

    /// The SDK decodes the sent path, splits it on `/`, encodes each segment and always ends
    /// with `/` (the URL actually sent has none).
    package static func canonicalURI(_ path: String) -> String {
        let segments = PercentEncoding.decode(path).split(separator: "/", omittingEmptySubsequences: false)
        var uri = segments.map { PercentEncoding.encode(String($0)) }.joined(separator: "/")
        if !uri.hasSuffix("/") { uri += "/" }
        return uri
    }

    /// Sorted by raw name, then raw value, each encoded; an empty value stays as `name=`.
    package static func canonicalQuery(_ items: [SigningRequest.QueryItem]) -> String {
        items.sorted {
            let a = Array($0.name.utf8), b = Array($1.name.utf8)
            return a != b ? a.lexicographicallyPrecedes(b) : Array($0.value.utf8).lexicographicallyPrecedes(Array($1.value.utf8))
        }
        .map { "\(PercentEncoding.encode($0.name))=\(PercentEncoding.encode($0.value))" }
        .joined(separator: "&")
    }

    package struct Signature: Sendable, Hashable {
        package var canonicalRequestHash: String
        package var stringToSign: String
        package var signature: String
    }

    package static func signature(of canonicalRequest: String, date: String, secretKey: Secret) -> Signature {
        let requestHash = hex(SHA256.hash(data: Data(canonicalRequest.utf8)))
        let stringToSign = "\(algorithm)\n\(date)\n\(requestHash)"
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data(stringToSign.utf8), using: SymmetricKey(data: Data(secretKey.exposed.utf8))
        )
        return Signature(canonicalRequestHash: requestHash, stringToSign: stringToSign, signature: hex(mac))
    }

    /// `YYYYMMDDTHHMMSSZ` in UTC, the `X-Sdk-Date` format.
    package static func sdkDate(_ date: Date) -> String {
        SDKDate.format(date)
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
