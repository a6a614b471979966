import Foundation
import Testing

/// `jobwatch doctor` and the credential chain, the real binary against a standalone simulator
/// on 127.0.0.1. HOME is a scratch folder: a developer's own ~/.huaweicloud is never read.
@Suite struct DoctorEndToEndTests {
    static let accessKey = "DOCTORAK000000000001"
    static let secretKey = "doctor-secret-key-Hq2wE9rT"
    static let wrongSecretKey = "doctor-wrong-secret-Mn4bV7"
    static let projectID = "6a1f0e2d3c4b5a69788796a5b4c3d2e1"
    static let keys = ["HUAWEICLOUD_SDK_AK": accessKey, "HUAWEICLOUD_SDK_SK": secretKey]

    static func expectNoSecret(_ texts: [String], _ secrets: [String]) {
        for text in texts {
            for secret in secrets {
                #expect(!text.contains(secret), "a secret leaked:\n\(text)")
            }
        }
    }

    @Test func rightKeysPass() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let simulator = try await StandaloneSimulator.start(runner: runner, environment: Self.keys)
        defer { simulator.process.stop() }
        let log = scratch.file("doctor.log")
        let result = try await runner.run(["doctor", "--endpoint", simulator.baseURL, "--project-id", Self.projectID, "--log-file", log], environment: Self.keys)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("AK DOCT…0001 from environment"), "\(result)")
        #expect(result.stdout.contains("signature accepted (HTTP 404"), "\(result)")
        #expect(result.stdout.contains("from --project-id"), "\(result)")
        #expect(result.stdout.contains("in step with the server"), "\(result)")
        #expect(result.stdout.contains("plain http"), "\(result)")
        let logText = try String(contentsOfFile: log, encoding: .utf8)
        #expect(logText.contains("source=environment") || logText.contains("environment"), "\(logText)")
        Self.expectNoSecret([result.stdout, result.stderr, logText], [Self.secretKey])

        let json = try await runner.run(["doctor", "--endpoint", simulator.baseURL, "--project-id", Self.projectID, "--json"], environment: Self.keys)
        #expect(json.exitCode == 0, "\(json)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["ok"] as? Bool == true)
        let checks = try #require(document["checks"] as? [[String: Any]])
        #expect(checks.first?["outcome"] as? String == "ok")
        #expect(checks.first?["http_status"] as? Int == 404)
        Self.expectNoSecret([json.stdout], [Self.secretKey])
        await simulator.stop()
    }

    @Test func wrongSecretKeyExitsThreeWithTheGatewaysReason() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let simulator = try await StandaloneSimulator.start(runner: runner, environment: Self.keys)
        defer { simulator.process.stop() }
        let wrong = ["HUAWEICLOUD_SDK_AK": Self.accessKey, "HUAWEICLOUD_SDK_SK": Self.wrongSecretKey]
        let result = try await runner.run(["doctor", "--endpoint", simulator.baseURL, "--project-id", Self.projectID], environment: wrong)
        #expect(result.exitCode == 3, "\(result)")
        #expect(result.stdout.contains("REFUSED"), "\(result)")
        #expect(result.stdout.contains("verify aksk signature fail"), "\(result)")
        Self.expectNoSecret([result.stdout, result.stderr], [Self.secretKey, Self.wrongSecretKey])
        await simulator.stop()
    }

    @Test func noCredentialsIsAConfigurationError() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        // A region endpoint is never contacted: the chain finds nothing before any request.
        let result = try await runner.run(["doctor", "--region", "cn-north-4", "--project-id", Self.projectID])
        #expect(result.exitCode == 64, "\(result)")
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderr.contains("no credentials"), "\(result)")
        #expect(result.stderr.contains("--auth metadata"), "\(result)")
        #expect(result.stderr.contains("~/.huaweicloud/credentials"), "\(result)")
    }

    @Test func sdkCredentialsFileAloneReadsJobs() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let simulator = try await StandaloneSimulator.start(runner: runner, environment: Self.keys)
        defer { simulator.process.stop() }
        let folder = scratch.file(".huaweicloud")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/credentials"
        let text = "[basic]\nak = \(Self.accessKey)\nsk = \(Self.secretKey)\nproject_id = \(Self.projectID)\n"
        #expect(FileManager.default.createFile(atPath: file, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]))

        let get = try await runner.run(["get", "--timeout", "30s", "--endpoint", simulator.baseURL, simulator.jobs[0].id])
        #expect(get.exitCode == 0, "\(get)")
        #expect(get.stdout.contains(simulator.jobs[0].id), "\(get)")
        let doctor = try await runner.run(["doctor", "--endpoint", simulator.baseURL])
        #expect(doctor.exitCode == 0, "\(doctor)")
        #expect(doctor.stdout.contains("from \(file) [basic]"), "\(doctor)")
        #expect(doctor.stdout.contains("project     \(Self.projectID) from \(file) [basic]"), "\(doctor)")
        Self.expectNoSecret([get.stdout, get.stderr, doctor.stdout, doctor.stderr], [Self.secretKey])

        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file)
        let refused = try await runner.run(["get", "--timeout", "30s", "--endpoint", simulator.baseURL, simulator.jobs[0].id])
        #expect(refused.exitCode == 64, "\(refused)")
        #expect(refused.stderr.contains("chmod 600 \(file)"), "\(refused)")
        await simulator.stop()
    }

    @Test func metadataStandInAloneReadsJobs() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let simulator = try await StandaloneSimulator.start(runner: runner, arguments: ["--metadata", "--metadata-lifetime", "60s"])
        defer { simulator.process.stop() }
        let environment = ["JOBWATCH_METADATA_URL": simulator.baseURL]
        let log = scratch.file("get.log")
        let get = try await runner.run(["get", "--timeout", "30s", "--auth", "metadata", "--endpoint", simulator.baseURL, "--project-id", Self.projectID, "--log-file", log, simulator.jobs[0].id], environment: environment)
        #expect(get.exitCode == 0, "\(get)")
        #expect(get.stdout.contains(simulator.jobs[0].id), "\(get)")
        let logText = try String(contentsOfFile: log, encoding: .utf8)
        #expect(logText.contains("metadata service at \(simulator.baseURL)"), "\(logText)")
        #expect(!logText.contains("jwmeta-sk-") && !logText.contains("jwmeta-token-"), "\(logText)")

        let doctor = try await runner.run(["doctor", "--auth", "metadata", "--endpoint", simulator.baseURL, "--project-id", Self.projectID], environment: environment)
        #expect(doctor.exitCode == 0, "\(doctor)")
        #expect(doctor.stdout.contains("(temporary, with a security token) from metadata service at \(simulator.baseURL)"), "\(doctor)")
        for text in [get.stdout, get.stderr, doctor.stdout, doctor.stderr] {
            #expect(!text.contains("jwmeta-sk-") && !text.contains("jwmeta-token-"), "a temporary secret leaked:\n\(text)")
        }
        await simulator.stop()
    }

    /// Accepts connections and never answers.
    static let silent = """
    import socket, sys, time
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0)); s.listen(16)
    print(s.getsockname()[1]); sys.stdout.flush()
    held = []
    while True:
        c, _ = s.accept(); held.append(c)
    """

    @Test func metadataThatNeverAnswersIsOneLineNotAHang() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let silent = try await PythonServer.start(Self.silent)
        defer { silent.stop() }
        let metadataURL = "http://127.0.0.1:\(silent.port)"
        let started = ContinuousClock.now
        let result = try await runner.run(
            ["doctor", "--auth", "metadata", "--endpoint", "http://127.0.0.1:9", "--project-id", Self.projectID],
            environment: ["JOBWATCH_METADATA_URL": metadataURL], timeout: .seconds(20)
        )
        let took = ContinuousClock.now - started
        #expect(result.exitCode == 3, "\(result)")
        #expect(took < .seconds(18), "took \(took)")
        let lines = result.stdout.split(separator: "\n").filter { $0.contains("no answer within 3s") }
        #expect(lines.count == 1 && lines[0].contains("metadata service at \(metadataURL)"), "\(result)")

        // get says it in its one line too, and ends.
        let get = try await runner.run(
            ["get", "--auth", "metadata", "--endpoint", "http://127.0.0.1:9", "--project-id", Self.projectID, "--timeout", "8s", "0123456789abcdef0123456789abcdef"],
            environment: ["JOBWATCH_METADATA_URL": metadataURL], timeout: .seconds(20)
        )
        #expect(get.exitCode == 3, "\(get)")
        #expect(get.stderr.contains("metadata service at \(metadataURL): no answer within 3s"), "\(get)")
    }
}
