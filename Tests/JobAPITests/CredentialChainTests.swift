import Foundation
import JobModel
@testable import JobAPI
import Testing

/// The SDK's order: environment, the profile's file, the SDK credentials file; the metadata
/// service is never part of `resolve` (it is asked for with --auth metadata).
@Suite struct CredentialChainTests {
    static let envAK = "ENVAK000000000000001"
    static let fileAK = "FILEAK00000000000002"
    static let sdkAK = "SDKAK000000000000003"
    static let sdkSK = "sdk-secret-key-never-shown-9a8b"

    /// A private HOME so the developer's own ~/.huaweicloud/credentials is never read.
    struct Home {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("jobwatch-chain-\(UUID().uuidString.prefix(8))").path
            try FileManager.default.createDirectory(atPath: path + "/.huaweicloud", withIntermediateDirectories: true)
        }
        var sdkFile: String { path + "/.huaweicloud/credentials" }
        func write(_ text: String, to file: String, mode: Int = 0o600) throws {
            #expect(FileManager.default.createFile(atPath: file, contents: Data(text.utf8), attributes: [.posixPermissions: mode]))
        }
        func remove() { try? FileManager.default.removeItem(atPath: path) }
    }

    static let sdkText = """
    # written by hcloud configure
    [basic]
    ak = \(sdkAK)
    sk = \(sdkSK)
    project_id = 0123456789abcdef0123456789abcdef
    security_token = sdk-security-token-xyz
    iam_endpoint = https://iam.myhuaweicloud.com

    [prod]
    ak = PRODAK00000000000004
    sk = prod-secret
    """

    @Test func environmentAlone() throws {
        let home = try Home()
        defer { home.remove() }
        let resolved = try CredentialResolver.resolve(environment: ["HOME": home.path, "HUAWEICLOUD_SDK_AK": Self.envAK, "HUAWEICLOUD_SDK_SK": "env-sk"], file: nil)
        #expect(resolved.source == "environment")
        #expect(resolved.credential.identity == "AK \(Self.envAK)")
    }

    @Test func sdkFileAlone() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write(Self.sdkText, to: home.sdkFile)
        let resolved = try CredentialResolver.resolve(environment: ["HOME": home.path], file: nil)
        #expect(resolved.source == "\(home.sdkFile) [basic]")
        #expect(resolved.projectID == "0123456789abcdef0123456789abcdef")
        guard case .accessKey(let key) = resolved.credential else { Issue.record("not an AK: \(resolved.credential)"); return }
        #expect(key.accessKeyID == Self.sdkAK)
        #expect(key.securityToken != nil)
    }

    @Test func sdkFileNamedByVariableAndSection() throws {
        let home = try Home()
        defer { home.remove() }
        let elsewhere = home.path + "/elsewhere.ini"
        try home.write(Self.sdkText, to: elsewhere)
        let resolved = try CredentialResolver.resolve(environment: ["HOME": home.path, SDKCredentialsFile.pathVariable: elsewhere], file: nil, section: "prod")
        #expect(resolved.credential.identity == "AK PRODAK00000000000004")
        #expect(resolved.source == "\(elsewhere) [prod]")
        #expect(throws: CredentialResolver.Problem.self) {
            try CredentialResolver.resolve(environment: ["HOME": home.path, SDKCredentialsFile.pathVariable: home.path + "/missing"], file: nil)
        }
        let missing = #expect(throws: CredentialResolver.Problem.self) {
            try CredentialResolver.resolve(environment: ["HOME": home.path, SDKCredentialsFile.pathVariable: elsewhere], file: nil, section: "staging")
        }
        #expect(missing?.description.contains("[staging]") == true)
    }

    @Test func profileFileAlone() throws {
        let home = try Home()
        defer { home.remove() }
        let file = home.path + "/jobwatch.env"
        try home.write("HUAWEICLOUD_SDK_AK=\(Self.fileAK)\nHUAWEICLOUD_SDK_SK=file-sk\n", to: file)
        let resolved = try CredentialResolver.resolve(environment: ["HOME": home.path], file: file)
        #expect(resolved.source == file)
        #expect(resolved.credential.identity == "AK \(Self.fileAK)")
    }

    @Test func orderWhenSeveralAreSet() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write(Self.sdkText, to: home.sdkFile)
        let file = home.path + "/jobwatch.env"
        try home.write("HUAWEICLOUD_SDK_AK=\(Self.fileAK)\nHUAWEICLOUD_SDK_SK=file-sk\n", to: file)
        let environment = ["HOME": home.path, "HUAWEICLOUD_SDK_AK": Self.envAK, "HUAWEICLOUD_SDK_SK": "env-sk"]
        #expect(try CredentialResolver.resolve(environment: environment, file: file).credential.identity == "AK \(Self.envAK)")
        #expect(try CredentialResolver.resolve(environment: ["HOME": home.path], file: file).credential.identity == "AK \(Self.fileAK)")
        #expect(try CredentialResolver.resolve(environment: ["HOME": home.path], file: nil).credential.identity == "AK \(Self.sdkAK)")
    }

    @Test func nothingFoundIsNoCredential() throws {
        let home = try Home()
        defer { home.remove() }
        let resolved = try CredentialResolver.resolve(environment: ["HOME": home.path], file: nil)
        #expect(resolved.credential == Credential.none)
        #expect(resolved.source == "none")
    }

    @Test func groupReadableSDKFileIsRefused() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write(Self.sdkText, to: home.sdkFile, mode: 0o640)
        let problem = #expect(throws: CredentialResolver.Problem.self) {
            try CredentialResolver.resolve(environment: ["HOME": home.path], file: nil)
        }
        #expect(problem?.description.contains("chmod 600 \(home.sdkFile)") == true, "\(String(describing: problem))")
        #expect(problem?.description.contains(Self.sdkSK) == false)
    }

    @Test func brokenSDKFileNamesTheLineNotTheSecret() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("[basic]\nak = \(Self.sdkAK)\nsk = \(Self.sdkSK)\nsk = \(Self.sdkSK)\n", to: home.sdkFile)
        let problem = #expect(throws: CredentialResolver.Problem.self) {
            try CredentialResolver.resolve(environment: ["HOME": home.path], file: nil)
        }
        #expect(problem?.description.contains(":4:") == true, "\(String(describing: problem))")
        #expect(problem?.description.contains(Self.sdkSK) == false)
    }

    @Test func metadataAnswerIsDecoded() throws {
        let body = Data(#"{"credential":{"access":"TMPAK","secret":"tmp-sk","securitytoken":"tmp-token","expires_at":"2026-05-01T10:00:00.250000Z"}}"#.utf8)
        let credential = try #require(MetadataCredentials.decode(body))
        #expect(credential.key.accessKeyID == "TMPAK")
        #expect(credential.key.securityToken != nil)
        #expect(credential.expiresAt == Date(timeIntervalSince1970: 1_777_629_600.25))
        #expect(MetadataCredentials.decode(Data(#"{"credential":{"access":"TMPAK"}}"#.utf8)) == nil)
        // Unset, the URL is the documented default, a link-local address (169.254.0.0/16). Only
        // compared: no test sends to it, every one that fetches sets JOBWATCH_METADATA_URL to
        // 127.0.0.1.
        let defaultURL = MetadataCredentials(environment: [:]).baseURL
        #expect(defaultURL == MetadataCredentials.defaultURL)
        let host = URL(string: defaultURL)?.host ?? ""
        #expect(host.split(separator: ".").prefix(2) == ["169", "254"], "link-local: \(host)")
        #expect(MetadataCredentials(environment: [MetadataCredentials.urlVariable: "http://127.0.0.1:9/"]).identity == "metadata@http://127.0.0.1:9")
    }
}
