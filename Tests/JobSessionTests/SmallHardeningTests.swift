import Foundation
import JobModel
import JobAPI
import JobSession
import Testing

/// Small refusals that used to read badly: each is one line that says what is wrong.
@Suite("Small hardening")
struct SmallHardeningTests {
    static func configError(_ text: String) -> String? {
        do {
            _ = try JobwatchConfig.parse(Data(text.utf8), fileName: "config.json")
            return nil
        } catch {
            return error.description
        }
    }

    @Test("AK/SK-like keys in a profile are refused as secrets, without their value", arguments: ["ak", "access_key", "accessKeyId", "sk", "secret_key", "skk", "a_k", "AK"])
    func secretKeys(key: String) throws {
        let message = try #require(Self.configError(#"{"profiles": {"p": {"region": "cn-north-4", "\#(key)": "VALUE0123456789"}}}"#))
        #expect(message.contains("secrets do not belong in the config"), "\(message)")
        #expect(message.contains("HUAWEICLOUD_SDK_AK") && message.contains("credentials_file"), "\(message)")
        #expect(!message.contains("VALUE0123456789"))
        #expect(message.components(separatedBy: " — ").count == 2, "\(message)")
    }

    @Test("a typo near a real key still gets its suggestion")
    func typoStillSuggests() throws {
        let message = try #require(Self.configError(#"{"profiles": {"p": {"regoin": "cn-north-4"}}}"#))
        #expect(message.contains("did you mean region?"), "\(message)")
    }

    @Test("--config naming a directory says so")
    func configDirectory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobwatch-cfgdir-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect {
            _ = try JobwatchConfig.load(path: folder)
        } throws: { error in
            "\(error)".contains("is a directory") && !"\(error)".contains("permissions")
        }
    }

    @Test("a UTF-8 byte order mark on standard input is accepted")
    func byteOrderMark() throws {
        let text = String(decoding: [0xEF, 0xBB, 0xBF] + Array("2c9eb2c5544cbf6101544f0602af2b4f web\n".utf8), as: UTF8.self)
        #expect(try JobIDText.parse(text, source: "stdin").items == [.init(id: "2c9eb2c5544cbf6101544f0602af2b4f", label: "web")])
        let json = String(decoding: [0xEF, 0xBB, 0xBF] + Array(#"{"job_id": "a1"}"#.utf8), as: UTF8.self)
        #expect(try JobIDText.parse(json, source: "stdin").items.map(\.id) == ["a1"])
    }

    @Test("a 10 KB job ID is echoed cut, with its length")
    func hugeIDIsCut() {
        let huge = String(repeating: "a", count: 10_000)
        #expect {
            _ = try JobIDText.parse(huge, source: "stdin")
        } throws: { error in
            let text = "\(error)"
            return text.count < 300 && text.contains("\"\(String(repeating: "a", count: 40))…\" (10000 bytes)")
        }
        // Combining marks cannot make one "character" hold the whole ID.
        let marks = "a" + String(repeating: "\u{301}", count: 5_000)
        #expect(JobID.quoted(marks).count < 300)
        #expect(JobID.quoted("short") == "\"short\"")
    }

    @Test("a credentials file that sets a variable twice names it and both lines, never the value")
    func credentialsTwice() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jobwatch-creds-\(UUID().uuidString)").path
        let text = "HUAWEICLOUD_SDK_AK=AKID\n\n# comment\nHUAWEICLOUD_SDK_SK=FirstSecret0123\nexport HUAWEICLOUD_SDK_SK=SecondSecret0123\n"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            _ = try CredentialResolver.resolve(environment: [:], file: path)
        } throws: { error in
            let text = "\(error)"
            return text.contains("HUAWEICLOUD_SDK_SK is set twice (lines 4 and 5)") && !text.contains("Secret0123") && !text.contains("\n")
        }
    }

    @Test("file options: directories, devices and non-PEM CA files are refused with the option's name")
    func fileOptionChecks() {
        #expect(throws: FileOptionCheck.Problem.self) { try FileOptionCheck.readable("/tmp", option: "--config") }
        #expect(throws: FileOptionCheck.Problem.self) { try FileOptionCheck.readable("/dev/null", option: "--config") }
        #expect(throws: FileOptionCheck.Problem.self) { try FileOptionCheck.writable("/tmp", option: "--log-file") }
        #expect(throws: Never.self) { try FileOptionCheck.writable("/tmp/jobwatch-not-there-\(UUID().uuidString)", option: "--log-file") }
        #expect {
            try FileOptionCheck.certificates("/etc/passwd", option: "--ca-file")
        } throws: { error in
            "\(error)".hasPrefix("--ca-file /etc/passwd ") && "\(error)".contains("PEM")
        }
    }
}
