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
        headers.reserveCapacity(headers.count + 5)
        func add(_ name: String, _ value: String) {
            if !headers.contains(where: { ASCIIName.equal($0.name, name) }) {
                headers.append(.init(name, value))
            }
        }
        add("Host", request.host)
        if let projectID, !projectID.isEmpty { add("X-Project-Id", projectID) }
        if let token = key.securityToken, !token.isEmpty { add("X-Security-Token", token.exposed) }
        if let contentType = request.header("Content-Type"),
           !ASCIIName.hasPrefix(contentType, lowercased: "application/json") {
            add("X-Sdk-Content-Sha256", unsignedPayload)
        }
        var complete = request
        complete.headers = headers
        let parts = canonicalParts(of: complete)
        let signature = signature(of: parts.canonicalRequest, date: complete.header("X-Sdk-Date") ?? "", secretKey: key.secretKey)
        var authorization = ""
        authorization.reserveCapacity(algorithm.utf8.count + key.accessKeyID.utf8.count + parts.signedHeaders.utf8.count + 112)
        authorization += algorithm
        authorization += " Access="
        authorization += key.accessKeyID
        authorization += ", SignedHeaders="
        authorization += parts.signedHeaders
        authorization += ", Signature="
        authorization += signature.signature
        headers.append(.init("Authorization", authorization))
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
            headers: headers
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

    /// The SHA-256 of an empty body, the payload of every GET.
    static let emptyPayloadHash = hex(SHA256.hash(data: [UInt8]()))

    /// The canonical request of a complete request: all its headers are signed except those
    /// whose name contains `_` (the SDK sends but never signs them). Built in one buffer: it
    /// runs for every request.
    package static func canonicalParts(of request: SigningRequest, onlySigning names: [String]? = nil) -> CanonicalParts {
        let uri = canonicalURI(request.path)
        let query = canonicalQuery(request.query)
        // The first header of each name counts; names are compared lower-cased.
        var signed: [(name: String, value: String)] = []
        signed.reserveCapacity(request.headers.count)
        for header in request.headers {
            let name = ASCIIName.lowercased(header.name)
            if name.utf8.contains(UInt8(ascii: "_")) { continue }
            if let names, !names.contains(name) { continue }
            if !signed.contains(where: { $0.name == name }) {
                signed.append((name, trimmed(header.value)))
            }
        }
        signed.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        var signedHeaders = ""
        signedHeaders.reserveCapacity(signed.reduce(0) { $0 + $1.name.utf8.count + 1 })
        for (index, header) in signed.enumerated() {
            if index > 0 { signedHeaders += ";" }
            signedHeaders += header.name
        }
        let payloadHash: String =
            request.header("X-Sdk-Content-Sha256") == unsignedPayload
            ? unsignedPayload
            : request.body.isEmpty ? emptyPayloadHash : hex(SHA256.hash(data: request.body))
        let method = ASCIIName.uppercased(request.method)
        var canonicalRequest = ""
        canonicalRequest.reserveCapacity(
            method.utf8.count + uri.utf8.count + query.utf8.count + signedHeaders.utf8.count * 2 + payloadHash.utf8.count + 8
                + signed.reduce(0) { $0 + $1.value.utf8.count + 2 }
        )
        canonicalRequest += method
        canonicalRequest += "\n"
        canonicalRequest += uri
        canonicalRequest += "\n"
        canonicalRequest += query
        canonicalRequest += "\n"
        for header in signed {
            canonicalRequest += header.name
            canonicalRequest += ":"
            canonicalRequest += header.value
            canonicalRequest += "\n"
        }
        canonicalRequest += "\n"
        canonicalRequest += signedHeaders
        canonicalRequest += "\n"
        canonicalRequest += payloadHash
        return CanonicalParts(
            canonicalURI: uri, canonicalQuery: query, signedHeaders: signedHeaders,
            payloadHash: payloadHash, canonicalRequest: canonicalRequest
        )
    }

    /// Leading and trailing whitespace removed, as the SDK strips header values; most values
    /// have none and are kept as they are. Told by their first and last byte: an ASCII byte
    /// other than space or tab is no whitespace (`CharacterSet.whitespaces` is Zs and tab), and
    /// asking `CharacterSet` costs allocations on Linux.
    static func trimmed(_ value: String) -> String {
        guard let first = value.utf8.first, let last = value.utf8.last else { return value }
        if isPlainEdge(first) && isPlainEdge(last) { return value }
        return value.trimmingCharacters(in: .whitespaces)
    }

    private static func isPlainEdge(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t")
    }

    /// The SDK decodes the sent path, splits it on `/`, encodes each segment and always ends
    /// with `/` (the URL actually sent has none).
    package static func canonicalURI(_ path: String) -> String {
        // A path of unreserved bytes and `/` only (every job path) encodes to itself.
        if path.utf8.allSatisfy({ PercentEncoding.isUnreserved($0) || $0 == UInt8(ascii: "/") }) {
            return path.utf8.last == UInt8(ascii: "/") ? path : path + "/"
        }
        let segments = PercentEncoding.decode(path).split(separator: "/", omittingEmptySubsequences: false)
        var uri = segments.map { PercentEncoding.encode(String($0)) }.joined(separator: "/")
        if !uri.hasSuffix("/") { uri += "/" }
        return uri
    }

    /// Sorted by raw name, then raw value, each encoded; an empty value stays as `name=`.
    package static func canonicalQuery(_ items: [SigningRequest.QueryItem]) -> String {
        guard !items.isEmpty else { return "" }
        return items.sorted {
            $0.name != $1.name ? $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) : $0.value.utf8.lexicographicallyPrecedes($1.value.utf8)
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
        var hasher = SHA256()
        update(&hasher, with: canonicalRequest)
        let requestHash = hex(hasher.finalize())
        var stringToSign = ""
        stringToSign.reserveCapacity(algorithm.utf8.count + date.utf8.count + requestHash.utf8.count + 2)
        stringToSign += algorithm
        stringToSign += "\n"
        stringToSign += date
        stringToSign += "\n"
        stringToSign += requestHash
        var mac = secretKey.exposed.utf8.withContiguousStorageIfAvailable { HMAC<SHA256>(key: SymmetricKey(data: $0)) }
            ?? HMAC<SHA256>(key: SymmetricKey(data: Array(secretKey.exposed.utf8)))
        var text = stringToSign
        text.withUTF8 { mac.update(data: $0) }
        return Signature(canonicalRequestHash: requestHash, stringToSign: stringToSign, signature: hex(mac.finalize()))
    }

    /// Feeds a string's UTF-8 to a hash without copying it into `Data` first.
    private static func update(_ hasher: inout SHA256, with text: String) {
        var text = text
        text.withUTF8 { hasher.update(data: $0) }
    }

    /// `YYYYMMDDTHHMMSSZ` in UTC, the `X-Sdk-Date` format.
    package static func sdkDate(_ date: Date) -> String {
        SDKDate.format(date)
    }

    /// Lower-case hex, written straight into one string from the digest's own bytes (no copy,
    /// no per-byte formatting).
    static func hex(_ digest: some ContiguousBytes) -> String {
        digest.withUnsafeBytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
                for (index, byte) in bytes.enumerated() {
                    buffer[index * 2] = hexDigit(byte >> 4)
                    buffer[index * 2 + 1] = hexDigit(byte & 0x0F)
                }
                return bytes.count * 2
            }
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
