import Foundation
import Testing

/// A certificate the host does not trust (a TLS-inspecting proxy's, an expired one, one for
/// another name) is a configuration error: one request, one line naming what failed and the
/// fix, exit 3 at once, never retried. Trust comes from --ca-file, SSL_CERT_FILE, SSL_CERT_DIR.
@Suite("Certificates", .timeLimit(.minutes(2)))
struct CertificateEndToEndTests {
    static let keys = DoctorEndToEndTests.keys
    static let projectID = DoctorEndToEndTests.projectID

    static func simulator(_ runner: BinaryRunner, certificate: String, key: String) async throws -> StandaloneSimulator {
        try await StandaloneSimulator.start(runner: runner, environment: keys, arguments: ["--tls-cert", certificate, "--tls-key", key])
    }

    static func get(_ runner: BinaryRunner, _ simulator: StandaloneSimulator, _ extra: [String] = [], environment: [String: String] = [:]) async throws -> BinaryRunner.Result {
        // `get`'s own 10 s is for people; a loaded machine may need more for what is checked here.
        try await runner.run(["get", "--no-names", "--timeout", "30s", "--endpoint", simulator.baseURL, "--project-id", projectID] + extra + [simulator.jobs[0].id],
                             environment: keys.merging(environment) { _, new in new }, timeout: .seconds(45))
    }

    /// A scratch folder, the test CA's certificates, and the simulator serving `certificate`.
    static func withSimulator(serving certificate: KeyPath<TestCertificates, String>, _ body: (Scratch, BinaryRunner, TestCertificates, StandaloneSimulator) async throws -> Void) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let certificates = try await TestCertificates.make(in: scratch)
        let simulator = try await Self.simulator(runner, certificate: certificates[keyPath: certificate], key: certificates.key)
        defer { simulator.process.stop() }
        try await body(scratch, runner, certificates, simulator)
    }

    @Test func untrustedCertificateNamesItsIssuerAndIsNotRetried() async throws {
        try await Self.withSimulator(serving: \.good) { scratch, runner, _, simulator in
            // Through a proxy, as a TLS-inspecting one would stand: its log counts the handshakes.
            let proxy = try await TinyProxy.start(in: scratch)
            defer { proxy.stop() }

            let result = try await Self.get(runner, simulator, environment: ["https_proxy": proxy.url])
            #expect(result.exitCode == 3, "\(result)")
            // One refused handshake and one look at the certificate: the library alone retried for 5 s.
            #expect(proxy.requests.count <= 2, "\(proxy.requests)")
            #expect(result.stderr.contains("certificate not trusted (issuer \"\(TestCertificates.caName)\")"), "\(result)")
            #expect(result.stderr.contains("give its CA with --ca-file or SSL_CERT_FILE"), "\(result)")
            #expect(result.stderrLines.count == 1, "\(result)")

            // `wait` stops asking that endpoint: one refused handshake and the diagnosis, not a
            // retry loop (the library alone made a dozen in 5 s).
            let before = proxy.requests.count
            let wait = try await runner.run(["wait", "--no-names", "--timeout", "20s", "--endpoint", simulator.baseURL, "--project-id", Self.projectID, simulator.jobs[0].id],
                                            environment: Self.keys.merging(["https_proxy": proxy.url]) { _, new in new })
            #expect(wait.exitCode == 3, "\(wait)")
            #expect(proxy.requests.count - before <= 2, "the endpoint must not be asked again: \(proxy.requests)")
        }
    }

    @Test func trustFromCAFileCertFileOrHashedFolder() async throws {
        try await Self.withSimulator(serving: \.good) { scratch, runner, certificates, simulator in
            let folder = try await certificates.hashedFolder(in: scratch)

            let ways: [(String, [String], [String: String])] = [
                ("--ca-file", ["--ca-file", certificates.ca], [:]),
                ("SSL_CERT_FILE", [], ["SSL_CERT_FILE": certificates.ca]),
                ("SSL_CERT_DIR", [], ["SSL_CERT_DIR": folder]),
                // --ca-file wins over an SSL_CERT_FILE that does not hold the CA.
                ("--ca-file over SSL_CERT_FILE", ["--ca-file", certificates.ca], ["SSL_CERT_FILE": certificates.good]),
            ]
            for (way, arguments, environment) in ways {
                let result = try await Self.get(runner, simulator, arguments, environment: environment)
                #expect(result.exitCode == 0 || result.exitCode == 1, "\(way)\n\(result)")
                #expect(result.stdout.contains(simulator.jobs[0].id), "\(way)\n\(result)")
            }
            let missing = try await Self.get(runner, simulator, environment: ["SSL_CERT_FILE": scratch.file("no-such.pem")])
            #expect(missing.exitCode == 64, "\(missing)")
            #expect(missing.stderr.contains("SSL_CERT_FILE \(scratch.file("no-such.pem")) is not a readable file"), "\(missing)")
        }
    }

    @Test func expiredAndOtherNameCertificatesSaySo() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let certificates = try await TestCertificates.make(in: scratch)

        let expired = try await Self.simulator(runner, certificate: certificates.expired, key: certificates.key)
        defer { expired.process.stop() }
        let old = try await Self.get(runner, expired, environment: ["SSL_CERT_FILE": certificates.ca])
        #expect(old.exitCode == 3, "\(old)")
        #expect(old.stderr.contains("certificate expired on"), "\(old)")
        #expect(old.stderr.contains("must be renewed"), "\(old)")

        let other = try await Self.simulator(runner, certificate: certificates.otherName, key: certificates.key)
        defer { other.process.stop() }
        let wrong = try await Self.get(runner, other, environment: ["SSL_CERT_FILE": certificates.ca])
        #expect(wrong.exitCode == 3, "\(wrong)")
        #expect(wrong.stderr.contains("certificate is for www.other.example, not 127.0.0.1"), "\(wrong)")
    }
}
