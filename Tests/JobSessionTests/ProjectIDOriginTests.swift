import Foundation
import JobModel
import JobAPI
import JobEngine
import JobSession
import Testing

/// The project ID: `--project-id`, else the profile's `project_id`, else the credential's
/// source (`HUAWEICLOUD_SDK_PROJECT_ID` beside the keys, or in a credentials file), else the
/// environment's `HUAWEICLOUD_SDK_PROJECT_ID`; each named where it came from, for `doctor`
/// and the log.
@Suite("Session.make: the project ID and where it came from")
struct ProjectIDOriginTests {
    static let fromFlag = "11111111111111111111111111111111"
    static let fromProfile = "22222222222222222222222222222222"
    static let fromCredentials = "33333333333333333333333333333333"
    static let fromEnvironment = "44444444444444444444444444444444"

    /// Fake keys: the loopback endpoint is never asked.
    static let keys = ["HUAWEICLOUD_SDK_AK": "FAKEACCESSKEY0000000", "HUAWEICLOUD_SDK_SK": "fake-secret-key-not-real"]

    static func config(projectID: String?, auth: String = "auto", credentialsFile: String? = nil) -> String {
        var fields = [#""endpoint": "http://127.0.0.1:18001""#, #""auth": "\#(auth)""#]
        if let projectID { fields.append(#""project_id": "\#(projectID)""#) }
        if let credentialsFile { fields.append(#""credentials_file": "\#(credentialsFile)""#) }
        return #"{"profiles": {"p": {\#(fields.joined(separator: ", "))}}}"#
    }

    @Test("--project-id wins over everything")
    func flag() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let session = try await scratch.session(
            config: Self.config(projectID: Self.fromProfile), flags: .with { $0.projectID = Self.fromFlag },
            environment: Self.keys.merging(["HUAWEICLOUD_SDK_PROJECT_ID": Self.fromCredentials]) { a, _ in a }
        )
        #expect(session.profile("p")?.projectID == Self.fromFlag)
        #expect(session.resolution("p")?.projectIDOrigin == "--project-id")
        #expect(session.resolution("p")?.credentialOrigin == "environment")
    }

    @Test("the profile's project_id wins over the credential's")
    func profile() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let session = try await scratch.session(
            config: Self.config(projectID: Self.fromProfile),
            environment: Self.keys.merging(["HUAWEICLOUD_SDK_PROJECT_ID": Self.fromCredentials]) { a, _ in a }
        )
        #expect(session.profile("p")?.projectID == Self.fromProfile)
        #expect(session.resolution("p")?.projectIDOrigin == "the profile's project_id")
    }

    @Test("the environment's keys bring their project ID: its origin is the credential's")
    func credentialFromEnvironment() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let session = try await scratch.session(
            config: Self.config(projectID: nil),
            environment: Self.keys.merging(["HUAWEICLOUD_SDK_PROJECT_ID": Self.fromCredentials]) { a, _ in a }
        )
        #expect(session.profile("p")?.projectID == Self.fromCredentials)
        #expect(session.resolution("p")?.projectIDOrigin == "environment")
        guard case .accessKey(let key)? = session.profile("p")?.credential else {
            Issue.record("expected the environment's AK/SK")
            return
        }
        #expect(key.accessKeyID == "FAKEACCESSKEY0000000")
    }

    @Test("a credentials file's project ID wins over the environment's HUAWEICLOUD_SDK_PROJECT_ID")
    func credentialsFile() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let file = try scratch.write("prod.credentials", """
            HUAWEICLOUD_SDK_AK=FAKEFILEKEY000000000
            HUAWEICLOUD_SDK_SK=fake-file-secret
            HUAWEICLOUD_SDK_PROJECT_ID=\(Self.fromCredentials)
            """)
        let session = try await scratch.session(
            config: Self.config(projectID: nil, credentialsFile: file),
            environment: ["HUAWEICLOUD_SDK_PROJECT_ID": Self.fromEnvironment]
        )
        #expect(session.profile("p")?.projectID == Self.fromCredentials)
        #expect(session.resolution("p")?.projectIDOrigin == file)
        #expect(session.resolution("p")?.credentialOrigin == file)
    }

    @Test("the SDK's credentials file under HOME, with its section named")
    func sdkCredentialsFile() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let file = try scratch.write(".huaweicloud/credentials", """
            [basic]
            ak = FAKESDKKEY0000000000
            sk = fake-sdk-secret
            project_id = \(Self.fromCredentials)
            """)
        let session = try await scratch.session(config: Self.config(projectID: nil))
        #expect(session.profile("p")?.projectID == Self.fromCredentials)
        #expect(session.resolution("p")?.credentialOrigin == "\(file) [basic]")
        #expect(session.resolution("p")?.projectIDOrigin == "\(file) [basic]")
    }

    @Test("with no credential (auth none), HUAWEICLOUD_SDK_PROJECT_ID, named as such")
    func environmentVariable() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let session = try await scratch.session(
            config: Self.config(projectID: nil, auth: "none"), environment: ["HUAWEICLOUD_SDK_PROJECT_ID": Self.fromEnvironment]
        )
        #expect(session.profile("p")?.projectID == Self.fromEnvironment)
        #expect(session.resolution("p")?.projectIDOrigin == "HUAWEICLOUD_SDK_PROJECT_ID")
    }

    @Test("with no credential found (auth auto, loopback), HUAWEICLOUD_SDK_PROJECT_ID, named as such")
    func environmentVariableWithoutCredential() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let session = try await scratch.session(
            config: Self.config(projectID: nil), environment: ["HUAWEICLOUD_SDK_PROJECT_ID": Self.fromEnvironment]
        )
        #expect(session.profile("p")?.projectID == Self.fromEnvironment)
        #expect(session.resolution("p")?.credentialOrigin == "none")
        #expect(session.resolution("p")?.projectIDOrigin == "HUAWEICLOUD_SDK_PROJECT_ID")
    }

    @Test("no project ID anywhere: one line naming the three ways to give one")
    func none() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let error = await thrownError { _ = try await scratch.session(config: Self.config(projectID: nil, auth: "none")) }
        #expect((error as? UsageError)?.description == #"no project ID for profile "p" — pass --project-id, set project_id in the profile, or HUAWEICLOUD_SDK_PROJECT_ID"#)
    }

    @Test("a --project-id that cannot be one is refused", arguments: ["has space", ""])
    func badFlag(_ projectID: String) async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let error = await thrownError {
            _ = try await scratch.session(config: Self.config(projectID: Self.fromProfile, auth: "none"), flags: .with { $0.projectID = projectID })
        }
        let message = try #require((error as? UsageError)?.description)
        #expect(message.hasPrefix("project ID \(projectID.debugDescription) "))
        #expect(message.hasSuffix(" — check --project-id / project_id"))
    }
}
