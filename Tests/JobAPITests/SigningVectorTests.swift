import Crypto
import Foundation
import Testing
import JobModel
@testable import JobAPI

struct SigningVectorTests {
    @Test func theFixtureHoldsTwelveSHA256Vectors() {
        #expect(SigningVector.sdkHMACSHA256.count == 12)
        #expect(SigningVector.goCrossChecks.count == 2)
    }

    @Test(arguments: SigningVector.sdkHMACSHA256)
    func signsLikeTheOfficialSDK(_ vector: SigningVector) throws {
        let request = SigningRequest(
            method: try #require(vector.inputText("method")),
            host: try #require(vector.inputText("host")),
            path: try #require(vector.inputText("resource_path")),
            query: vector.queryItems,
            headers: vector.headers(),
            body: vector.body
        )
        let signed = Signer.sign(request, with: vector.accessKey, projectID: vector.inputText("project_id"))

        #expect(signed.canonicalURI == vector.expectedText("canonical_uri"))
        #expect(signed.canonicalQuery == vector.expectedText("canonical_query_string"))
        #expect(signed.signedHeaders == vector.expectedText("signed_headers"))
        #expect(signed.payloadHash == vector.expectedText("payload_hash"))
        #expect(signed.canonicalRequest == vector.expectedText("canonical_request"))
        #expect(signed.stringToSign == vector.expectedText("string_to_sign"))
        #expect(signed.signature == vector.expectedText("signature"))
        #expect(signed.authorization == vector.expectedText("authorization"))

        // Some vectors state the hash of the canonical request; the others state it as the last
        // line of the string to sign.
        let stringToSign = try #require(vector.expectedText("string_to_sign"))
        let statedHash = vector.expectedText("canonical_request_sha256")
            ?? String(stringToSign.split(separator: "\n").last ?? "")
        #expect(signed.canonicalRequestHash == statedHash)
    }

    /// The headers actually sent are those of the vector (what the signer adds included), with
    /// the same values, plus `Authorization`.
    @Test(arguments: SigningVector.sdkHMACSHA256)
    func sendsTheHeadersTheSDKSends(_ vector: SigningVector) throws {
        let request = SigningRequest(
            method: try #require(vector.inputText("method")),
            host: try #require(vector.inputText("host")),
            path: try #require(vector.inputText("resource_path")),
            query: vector.queryItems,
            headers: vector.headers(),
            body: vector.body
        )
        let signed = Signer.sign(request, with: vector.accessKey, projectID: vector.inputText("project_id"))
        guard case .object(let expected)? = vector.expected["headers_sent"] else {
            Issue.record("no headers_sent in \(vector.name)")
            return
        }
        let sentNames = Set(signed.headers.map { $0.name.lowercased() })
        #expect(sentNames == Set(expected.keys.map { $0.lowercased() }))
        for (name, value) in expected {
            let sent = signed.headers.first { $0.name.lowercased() == name.lowercased() }?.value
            // The SDK trims what it sends; a value sent untrimmed is signed trimmed, which is
            // what the gateway checks.
            #expect(sent?.trimmingCharacters(in: .whitespaces) == value.text, "\(name)")
        }
    }

    /// The Go SDK signs no `Host` (and never `Content-Type`): the request is built as the Go test
    /// builds it and only `X-Sdk-Date` is signed, through the same canonicalisation and HMAC.
    @Test(arguments: SigningVector.goCrossChecks)
    func matchesTheGoSDKTests(_ vector: SigningVector) throws {
        let date = try #require(vector.input["signed_headers_input"]?["X-Sdk-Date"]?.text)
        let request = SigningRequest(
            method: try #require(vector.inputText("method")),
            host: "example.huaweicloud.com",
            path: try #require(vector.inputText("resource_path")),
            query: vector.queryItems,
            headers: [.init("X-Sdk-Date", date), .init("TEST_UNDERSCORE", "ignored")],
            body: vector.body
        )
        let parts = Signer.canonicalParts(of: request, onlySigning: ["x-sdk-date"])
        let signature = Signer.signature(of: parts.canonicalRequest, date: date, secretKey: Secret(vector.inputText("sk") ?? ""))
        let authorization = "\(Signer.algorithm) Access=\(vector.inputText("ak") ?? ""), SignedHeaders=\(parts.signedHeaders), Signature=\(signature.signature)"

        #expect(parts.canonicalRequest == vector.expectedText("canonical_request"))
        #expect(signature.stringToSign == vector.expectedText("string_to_sign"))
        #expect(authorization == vector.expectedText("authorization"))
    }
}
