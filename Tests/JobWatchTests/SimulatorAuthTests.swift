import Foundation
import Testing

/// `jobwatch get` against a standalone `jobwatch simulator` that checks credentials as the API
/// gateway does: the real signing path, over real HTTP, between two processes.
@Suite struct SimulatorAuthTests {
    static let accessKey = "E2EACCESSKEY0000001"
    static let secretKey = "e2e-secret-key-Zq8vX1rT4mN7"
    static let wrongSecretKey = "e2e-wrong-secret-key-Lp3wK9"
    static let securityToken = "e2e-security-token-7f3c1a9b"
    static let iamToken = "e2e-iam-token-MIIDxyz0123456789"
    static let projectID = "6a1f0e2d3c4b5a69788796a5b4c3d2e1"

    static let accessKeyEnvironment = [
        "HUAWEICLOUD_SDK_AK": accessKey,
        "HUAWEICLOUD_SDK_SK": secretKey,
    ]

    /// Runs `get` for the simulator's first job with `credentials` in the environment.
    func get(_ simulator: StandaloneSimulator, _ runner: BinaryRunner, credentials: [String: String], jobID: String? = nil) async throws -> BinaryRunner.Result {
        try await runner.run(
            ["get", "--timeout", "30s", "--endpoint", simulator.baseURL, "--project-id", Self.projectID, jobID ?? simulator.jobs[0].id],
            environment: credentials, timeout: .seconds(45)
        )
    }

    @Test func matchingAccessKeyIsAccepted() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let simulator = try await StandaloneSimulator.start(runner: runner, environment: Self.accessKeyEnvironment)
        defer { simulator.process.stop() }

        let result = try await get(simulator, runner, credentials: Self.accessKeyEnvironment)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains(simulator.jobs[0].id), "\(result)")
        #expect(simulator.process.stderr.contains("checking AK/SK signatures for AK \(Self.accessKey)"), "\(simulator.process.transcript)")
        await simulator.stop()
    }

    @Test func wrongSecretKeyExitsThreeWithoutShowingEitherKey() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let simulator = try await StandaloneSimulator.start(runner: runner, environment: Self.accessKeyEnvironment)
        defer { simulator.process.stop() }

        let result = try await get(simulator, runner, credentials: ["HUAWEICLOUD_SDK_AK": Self.accessKey, "HUAWEICLOUD_SDK_SK": Self.wrongSecretKey])
        #expect(result.exitCode == 3, "\(result)")
        #expect(result.stderrLines.count == 1, "\(result)")
        let line = try #require(result.stderrLines.first, "\(result)")
        #expect(line.hasPrefix("jobwatch: "), "\(result)")
        #expect(line.contains("401") && line.contains("APIGW.0301"), "\(result)")
        #expect(line.contains(" — "), "\(result)")
        for secret in [Self.secretKey, Self.wrongSecretKey] {
            #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret), "a secret key was printed\n\(result)")
            #expect(!simulator.process.stdout.contains(secret) && !simulator.process.stderr.contains(secret), "the simulator printed a secret key")
        }
        await simulator.stop()
    }

    @Test func accessKeyWithSecurityTokenIsAccepted() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        var credentials = Self.accessKeyEnvironment
        credentials["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = Self.securityToken
        // The simulator then requires that token with this (temporary) AK.
        let simulator = try await StandaloneSimulator.start(runner: runner, environment: credentials)
        defer { simulator.process.stop() }

        let accepted = try await get(simulator, runner, credentials: credentials)
        #expect(accepted.exitCode == 0, "\(accepted)")

        // Without its token the temporary AK is refused: the token really is checked.
        let refused = try await get(simulator, runner, credentials: Self.accessKeyEnvironment)
        #expect(refused.exitCode == 3, "\(refused)")
        #expect(!refused.stderr.contains(Self.securityToken) && !refused.stdout.contains(Self.securityToken), "\(refused)")
        await simulator.stop()
    }

    @Test func iamTokenIsAccepted() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let simulator = try await StandaloneSimulator.start(runner: runner, environment: ["HUAWEICLOUD_SDK_TOKEN": Self.iamToken])
        defer { simulator.process.stop() }

        let accepted = try await get(simulator, runner, credentials: ["HUAWEICLOUD_SDK_TOKEN": Self.iamToken])
        #expect(accepted.exitCode == 0, "\(accepted)")

        let refused = try await get(simulator, runner, credentials: ["HUAWEICLOUD_SDK_TOKEN": Self.iamToken + "-forged"])
        #expect(refused.exitCode == 3, "\(refused)")
        #expect(!refused.stderr.contains(Self.iamToken) && !refused.stdout.contains(Self.iamToken), "\(refused)")
        await simulator.stop()
    }

    @Test func unknownJobExitsThree() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let simulator = try await StandaloneSimulator.start(runner: runner, environment: Self.accessKeyEnvironment)
        defer { simulator.process.stop() }

        let unknown = "0123456789abcdef0123456789abcdef"
        let result = try await get(simulator, runner, credentials: Self.accessKeyEnvironment, jobID: unknown)
        #expect(result.exitCode == 3, "\(result)")
        #expect(result.stdout.contains(unknown) && result.stdout.contains("UNREADABLE"), "\(result)")
        #expect(result.stderrLines.count == 1 && result.stderr.contains("404"), "\(result)")
        await simulator.stop()
    }
}
