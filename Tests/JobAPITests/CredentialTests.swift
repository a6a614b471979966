import Foundation
import Testing
import JobModel
@testable import JobAPI

struct CredentialTests {
    static let sk = "EnvSecretKey0123456789abcdefghijKLMNOPQR"

    /// A file in a fresh temporary folder with the given mode; the folder is removed by `cleanUp`.
    static func file(_ text: String, mode: Int) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobwatch-cred-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("credentials").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    static func cleanUp(_ path: String) {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    static func problem(environment: [String: String], file: String?) -> CredentialResolver.Problem? {
        do {
            _ = try CredentialResolver.resolve(environment: environment, file: file)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Environment

    @Test func accessKeyFromTheEnvironment() throws {
        let resolved = try CredentialResolver.resolve(environment: [
            "HUAWEICLOUD_SDK_AK": "AKID", "HUAWEICLOUD_SDK_SK": Self.sk, "HUAWEICLOUD_SDK_PROJECT_ID": "proj",
        ], file: nil)
        #expect(resolved.credential == .accessKey(.init(accessKeyID: "AKID", secretKey: Secret(Self.sk))))
        #expect(resolved.projectID == "proj")
        #expect(resolved.source == "environment")
    }

    @Test func temporaryAccessKeyWithASecurityToken() throws {
        let resolved = try CredentialResolver.resolve(environment: [
            "HUAWEICLOUD_SDK_AK": "AKID", "HUAWEICLOUD_SDK_SK": Self.sk, "HUAWEICLOUD_SDK_SECURITY_TOKEN": "stok",
        ], file: nil)
        #expect(resolved.credential == .accessKey(.init(accessKeyID: "AKID", secretKey: Secret(Self.sk), securityToken: Secret("stok"))))
    }

    @Test func anIAMToken() throws {
        let resolved = try CredentialResolver.resolve(environment: ["HUAWEICLOUD_SDK_TOKEN": "MIItoken"], file: nil)
        #expect(resolved.credential == .token(Secret("MIItoken")))
    }

    @Test func accessKeyWinsOverAToken() throws {
        let resolved = try CredentialResolver.resolve(environment: [
            "HUAWEICLOUD_SDK_AK": "AKID", "HUAWEICLOUD_SDK_SK": Self.sk, "HUAWEICLOUD_SDK_TOKEN": "MIItoken",
        ], file: nil)
        #expect(resolved.credential.identity == "AK AKID")
    }

    @Test func nothingAnywhereIsNoCredential() throws {
        let resolved = try CredentialResolver.resolve(environment: ["HUAWEICLOUD_SDK_PROJECT_ID": "p", "HUAWEICLOUD_SDK_AK": "  "], file: nil)
        #expect(resolved.credential == .none)
        #expect(resolved.projectID == "p")
    }

    @Test func anAccessKeyWithoutSecretIsAnError() throws {
        let problem = try #require(Self.problem(environment: ["HUAWEICLOUD_SDK_AK": "AKID"], file: nil))
        #expect(problem.description == "environment: HUAWEICLOUD_SDK_AK is set but HUAWEICLOUD_SDK_SK is not — set both, or neither")
    }

    @Test func aSecretWithoutAccessKeyIsAnErrorThatHidesTheSecret() throws {
        let problem = try #require(Self.problem(environment: ["HUAWEICLOUD_SDK_SK": Self.sk], file: nil))
        #expect(problem.description.contains("HUAWEICLOUD_SDK_SK is set but HUAWEICLOUD_SDK_AK is not"))
        #expect(!problem.description.contains(Self.sk))
    }

    @Test func theEnvironmentWinsOverTheFile() throws {
        let path = try Self.file("HUAWEICLOUD_SDK_AK=FILEAK\nHUAWEICLOUD_SDK_SK=filesecret\n", mode: 0o600)
        defer { Self.cleanUp(path) }
        let resolved = try CredentialResolver.resolve(environment: ["HUAWEICLOUD_SDK_TOKEN": "envtoken"], file: path)
        #expect(resolved.credential == .token(Secret("envtoken")))
    }

    // MARK: - File

    @Test func fileFallbackWithKeyValueLines() throws {
        let path = try Self.file("""
            # jobwatch credentials
            export HUAWEICLOUD_SDK_AK=FILEAK

            HUAWEICLOUD_SDK_SK = "file secret value"
            HUAWEICLOUD_SDK_SECURITY_TOKEN='tok=en'
            HUAWEICLOUD_SDK_PROJECT_ID=fileproject
            """, mode: 0o600)
        defer { Self.cleanUp(path) }
        let resolved = try CredentialResolver.resolve(environment: [:], file: path)
        #expect(resolved.credential == .accessKey(.init(accessKeyID: "FILEAK", secretKey: Secret("file secret value"), securityToken: Secret("tok=en"))))
        #expect(resolved.projectID == "fileproject")
        #expect(resolved.source == path)
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660, 0o606])
    func aFileReadableByOthersIsRefused(_ mode: Int) throws {
        let path = try Self.file("HUAWEICLOUD_SDK_AK=FILEAK\nHUAWEICLOUD_SDK_SK=\(Self.sk)\n", mode: mode)
        defer { Self.cleanUp(path) }
        let problem = try #require(Self.problem(environment: [:], file: path))
        #expect(problem.description == "\(path): credentials file is readable by others (mode \(String(mode, radix: 8))) — run chmod 600 \(path)")
        #expect(!problem.description.contains(Self.sk))
    }

    @Test(arguments: [0o600, 0o400])
    func aPrivateFileIsAccepted(_ mode: Int) throws {
        let path = try Self.file("HUAWEICLOUD_SDK_TOKEN=filetoken\n", mode: mode)
        defer { Self.cleanUp(path) }
        #expect(try CredentialResolver.resolve(environment: [:], file: path).credential == .token(Secret("filetoken")))
    }

    @Test func aMissingFileSaysWhereToLook() throws {
        let problem = try #require(Self.problem(environment: [:], file: "/nonexistent/jobwatch/credentials"))
        #expect(problem.description == "/nonexistent/jobwatch/credentials: cannot read the credentials file — check the path in the profile's credentials_file")
    }

    @Test func aFileWithoutCredentialsSaysWhatToAdd() throws {
        let path = try Self.file("# nothing yet\nHUAWEICLOUD_SDK_PROJECT_ID=p\n", mode: 0o600)
        defer { Self.cleanUp(path) }
        let problem = try #require(Self.problem(environment: [:], file: path))
        #expect(problem.description.hasSuffix("no credential in it — add HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK lines, or HUAWEICLOUD_SDK_TOKEN"))
    }

    @Test func aBadLineIsNamedButNotShown() throws {
        let path = try Self.file("HUAWEICLOUD_SDK_AK=FILEAK\n\(Self.sk)\n", mode: 0o600)
        defer { Self.cleanUp(path) }
        let problem = try #require(Self.problem(environment: [:], file: path))
        #expect(problem.description == "\(path):2: expected NAME=VALUE")
        #expect(!problem.description.contains(Self.sk))
    }

    @Test func anAccessKeyWithoutSecretInTheFile() throws {
        let path = try Self.file("HUAWEICLOUD_SDK_AK=FILEAK\n", mode: 0o600)
        defer { Self.cleanUp(path) }
        let problem = try #require(Self.problem(environment: [:], file: path))
        #expect(problem.description == "\(path): HUAWEICLOUD_SDK_AK is set but HUAWEICLOUD_SDK_SK is not — set both, or neither")
    }

    /// ssh follows a symlink and checks the file it points to; so do we.
    @Test func aSymlinkToAPrivateFileIsAccepted() throws {
        let path = try Self.file("HUAWEICLOUD_SDK_TOKEN=linked\n", mode: 0o600)
        defer { Self.cleanUp(path) }
        let link = (path as NSString).deletingLastPathComponent + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(try CredentialResolver.resolve(environment: [:], file: link).credential == .token(Secret("linked")))
    }

    @Test func aSymlinkToAFileReadableByOthersIsRefused() throws {
        let path = try Self.file("HUAWEICLOUD_SDK_TOKEN=linked\n", mode: 0o644)
        defer { Self.cleanUp(path) }
        let link = (path as NSString).deletingLastPathComponent + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        let problem = try #require(Self.problem(environment: [:], file: link))
        #expect(problem.description.contains("readable by others (mode 644)"))
    }
}
