import Foundation
import Testing
import JobModel
@testable import JobAPI

/// The headers `JobClient` sends, checked against the signer's own verification pieces (the
/// ones the simulator uses), so a signed request is one the gateway would accept.
struct ClientHeaderTests {
    static let now = Date(timeIntervalSince1970: 1_714_550_950) // 2024-05-01T08:09:10Z
    static let path = "/v1/0a1b2c3d4e5f60718293a4b5c6d7e8f9/jobs/ff80808288d41e1b018a8ec1c6c30f2d"
    static let host = "bms.cn-north-4.myhuaweicloud.com"
    static let projectID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"

    static func headers(_ credential: Credential) -> [SigningRequest.Header] {
        JobClient.headers(path: path, host: host, scope: .project(projectID), credential: credential, userAgent: "jobwatch/test", now: now)
    }

    static func value(_ name: String, in headers: [SigningRequest.Header]) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Recomputes the signature from the sent headers as the gateway does.
    static func verifies(_ headers: [SigningRequest.Header], secretKey: String) throws -> Bool {
        let authorization = try #require(value("Authorization", in: headers))
        let prefix = "SDK-HMAC-SHA256 Access="
        #expect(authorization.hasPrefix(prefix))
        let fields = authorization.dropFirst(prefix.count).components(separatedBy: ", ")
        #expect(fields.count == 3)
        let signedNames = try #require(fields.first { $0.hasPrefix("SignedHeaders=") }).dropFirst("SignedHeaders=".count)
        let signature = try #require(fields.first { $0.hasPrefix("Signature=") }).dropFirst("Signature=".count)
        let names = signedNames.split(separator: ";").map(String.init)
        let request = SigningRequest(method: "GET", host: host, path: path, headers: headers.filter { $0.name != "Authorization" })
        let parts = Signer.canonicalParts(of: request, onlySigning: names)
        let date = try #require(value("X-Sdk-Date", in: headers))
        return Signer.signature(of: parts.canonicalRequest, date: date, secretKey: Secret(secretKey)).signature == signature
    }

    @Test func accessKeyHeadersVerify() throws {
        let key = Credential.AccessKey(accessKeyID: "HPUAEXAMPLEAKID00001", secretKey: Secret("ExampleSecretKey0123456789abcdefghijABCD"))
        let headers = Self.headers(.accessKey(key))
        #expect(try Self.verifies(headers, secretKey: "ExampleSecretKey0123456789abcdefghijABCD"))
        #expect(!(try Self.verifies(headers, secretKey: "AnotherSecretKey")))
        #expect(Self.value("X-Sdk-Date", in: headers) == "20240501T080910Z")
        #expect(Self.value("X-Project-Id", in: headers) == Self.projectID)
        #expect(Self.value("Host", in: headers) == Self.host)
        #expect(Self.value("X-Auth-Token", in: headers) == nil)
        let authorization = try #require(Self.value("Authorization", in: headers))
        #expect(authorization.contains("SignedHeaders=content-type;host;user-agent;x-project-id;x-sdk-date,"))
        // Every header is sent once.
        let names = headers.map { $0.name.lowercased() }
        #expect(Set(names).count == names.count)
    }

    @Test func theSecurityTokenIsSentAndSigned() throws {
        let key = Credential.AccessKey(
            accessKeyID: "HSTAEXAMPLETEMPAK001", secretKey: Secret("TempSecretKeyExample9876543210zyxwvuTSRQ"),
            securityToken: Secret("gQ1jbi1ub3J0aC00iexampleSecurityTokenBase64+/==")
        )
        let headers = Self.headers(.accessKey(key))
        #expect(Self.value("X-Security-Token", in: headers) == "gQ1jbi1ub3J0aC00iexampleSecurityTokenBase64+/==")
        let authorization = try #require(Self.value("Authorization", in: headers))
        #expect(authorization.contains("SignedHeaders=content-type;host;user-agent;x-project-id;x-sdk-date;x-security-token,"))
        #expect(try Self.verifies(headers, secretKey: "TempSecretKeyExample9876543210zyxwvuTSRQ"))

        // Changing the token after signing breaks the signature.
        var tampered = headers
        if let index = tampered.firstIndex(where: { $0.name == "X-Security-Token" }) { tampered[index].value = "other" }
        #expect(!(try Self.verifies(tampered, secretKey: "TempSecretKeyExample9876543210zyxwvuTSRQ")))
    }

    @Test func tokenAuthSendsTheTokenAndNoSignature() {
        let headers = Self.headers(.token(Secret("MIIEXAMPLEtoken")))
        #expect(Self.value("X-Auth-Token", in: headers) == "MIIEXAMPLEtoken")
        #expect(Self.value("Authorization", in: headers) == nil)
        #expect(Self.value("X-Sdk-Date", in: headers) == nil)
        #expect(Self.value("X-Project-Id", in: headers) == Self.projectID)
        #expect(Self.value("Host", in: headers) == Self.host)
    }

    @Test func noCredentialSendsNoAuthentication() {
        let headers = Self.headers(.none)
        #expect(Self.value("X-Auth-Token", in: headers) == nil)
        #expect(Self.value("Authorization", in: headers) == nil)
        #expect(Self.value("Host", in: headers) == Self.host)
    }

    @Test func credentialsNeverPrintTheirSecrets() {
        let key = Credential.AccessKey(accessKeyID: "AKID", secretKey: Secret("SuperSecretSK"), securityToken: Secret("SuperSecretToken"))
        for text in [
            String(describing: Credential.accessKey(key)), String(reflecting: Credential.accessKey(key)),
            String(describing: key), String(reflecting: key), "\(Credential.token(Secret("SuperSecretToken")))",
        ] {
            #expect(!text.contains("SuperSecret"), "\(text)")
        }
        #expect(Credential.accessKey(key).identity == "AK AKID")
        #expect(Credential.accessKey(key).secrets == ["SuperSecretSK", "SuperSecretToken"])
    }
}
