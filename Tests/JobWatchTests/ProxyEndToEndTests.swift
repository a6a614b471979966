import Foundation
import Testing

/// A jump host whose only way out is a proxy: the real binary, Debian's tinyproxy started by
/// the test on a free loopback port, and the standalone simulator behind it (http and https).
@Suite("Proxies", .timeLimit(.minutes(2)))
struct ProxyEndToEndTests {
    static let keys = DoctorEndToEndTests.keys
    static let projectID = DoctorEndToEndTests.projectID

    struct Rig {
        let scratch: Scratch
        let runner: BinaryRunner
        let simulator: StandaloneSimulator
        let proxy: TinyProxy
        let certificates: TestCertificates?

        static func start(https: Bool = false, login: (user: String, password: String)? = nil) async throws -> Rig {
            let scratch = try Scratch()
            let runner = try BinaryRunner(scratch: scratch)
            let certificates = https ? try await TestCertificates.make(in: scratch) : nil
            let tls = certificates.map { ["--tls-cert", $0.good, "--tls-key", $0.key] } ?? []
            let simulator = try await StandaloneSimulator.start(runner: runner, environment: ProxyEndToEndTests.keys, arguments: tls)
            let proxy = try await TinyProxy.start(in: scratch, login: login)
            return Rig(scratch: scratch, runner: runner, simulator: simulator, proxy: proxy, certificates: certificates)
        }

        func get(_ extra: [String] = [], environment: [String: String]) async throws -> BinaryRunner.Result {
            try await runner.run(["get", "--no-names", "--timeout", "30s", "--endpoint", simulator.baseURL, "--project-id", ProxyEndToEndTests.projectID] + extra + [simulator.jobs[0].id],
                                 environment: ProxyEndToEndTests.keys.merging(environment) { _, new in new }, timeout: .seconds(45))
        }

        var simulatorTarget: String { String(simulator.baseURL.split(separator: "/").last ?? "") }

        func stop() {
            simulator.process.stop()
            proxy.stop()
            scratch.remove()
        }
    }

    @Test func httpEndpointGoesThroughHttpProxyOnly() async throws {
        let rig = try await Rig.start()
        defer { rig.stop() }
        // curl ignores upper-case HTTP_PROXY (a CGI header could set it): so does jobwatch.
        let upper = try await rig.get(environment: ["HTTP_PROXY": rig.proxy.url])
        #expect(upper.exitCode == 0 || upper.exitCode == 1, "\(upper)")
        #expect(rig.proxy.requests.isEmpty, "HTTP_PROXY must be ignored: \(rig.proxy.requests)")

        let result = try await rig.get(environment: ["http_proxy": rig.proxy.url])
        #expect(result.exitCode == 0 || result.exitCode == 1, "\(result)")
        #expect(result.stdout.contains(rig.simulator.jobs[0].id), "\(result)")
        #expect(rig.proxy.requests.contains { $0.hasPrefix("CONNECT \(rig.simulatorTarget)") }, "the request must go through the proxy: \(rig.proxy.requests)")
    }

    @Test func httpsEndpointTunnelsThroughProxyAndNoProxyGoesDirect() async throws {
        let rig = try await Rig.start(https: true)
        defer { rig.stop() }
        let ca = try #require(rig.certificates).ca
        let result = try await rig.get(environment: ["HTTPS_PROXY": rig.proxy.url, "SSL_CERT_FILE": ca])
        #expect(result.exitCode == 0 || result.exitCode == 1, "\(result)")
        let tunnels = rig.proxy.requests.filter { $0.hasPrefix("CONNECT \(rig.simulatorTarget)") }
        #expect(!tunnels.isEmpty, "HTTPS_PROXY must carry the https request: \(rig.proxy.requests)")

        // NO_PROXY by address, and by address and port: both go direct.
        for noProxy in ["127.0.0.1", "localhost,127.0.0.1:\(rig.simulatorTarget.split(separator: ":").last ?? "")"] {
            let before = rig.proxy.requests.count
            let direct = try await rig.get(environment: ["https_proxy": rig.proxy.url, "NO_PROXY": noProxy, "SSL_CERT_FILE": ca])
            #expect(direct.exitCode == 0 || direct.exitCode == 1, "\(direct)")
            #expect(rig.proxy.requests.count == before, "NO_PROXY=\(noProxy) must go direct: \(rig.proxy.requests)")
        }

        // --proxy none wins over the environment; doctor says which route each endpoint takes.
        let doctor = try await rig.runner.run(["doctor", "--endpoint", rig.simulator.baseURL, "--project-id", Self.projectID],
                                              environment: Self.keys.merging(["https_proxy": rig.proxy.url, "SSL_CERT_FILE": ca]) { _, new in new })
        #expect(doctor.exitCode == 0, "\(doctor)")
        #expect(doctor.stdout.contains("route       via proxy 127.0.0.1:\(rig.proxy.port) (https_proxy)"), "\(doctor)")
        #expect(doctor.stdout.contains("SSL_CERT_FILE \(ca)"), "doctor names the trust store\n\(doctor)")
        let none = try await rig.runner.run(["doctor", "--proxy", "none", "--endpoint", rig.simulator.baseURL, "--project-id", Self.projectID],
                                            environment: Self.keys.merging(["https_proxy": rig.proxy.url, "SSL_CERT_FILE": ca]) { _, new in new })
        #expect(none.stdout.contains("route       direct (--proxy none)"), "\(none)")
        let matched = try await rig.runner.run(["doctor", "--endpoint", rig.simulator.baseURL, "--project-id", Self.projectID],
                                               environment: Self.keys.merging(["https_proxy": rig.proxy.url, "no_proxy": ".internal,127.0.0.1", "SSL_CERT_FILE": ca]) { _, new in new })
        #expect(matched.stdout.contains("route       direct (no_proxy matches 127.0.0.1)"), "\(matched)")
    }

    @Test func proxyThatIsDownIsOneLineNamingIt() async throws {
        let rig = try await Rig.start()
        defer { rig.stop() }
        let port = try FreePort.take()
        let result = try await rig.get(environment: ["http_proxy": "http://ops:Pr0xyPassw0rd@127.0.0.1:\(port)"])
        #expect(result.exitCode == 3, "\(result)")
        #expect(result.stderr.contains("proxy 127.0.0.1:\(port) (http_proxy) refused the connection"), "\(result)")
        #expect(result.stderrLines.count == 1, "one line\n\(result)")
        #expect(!(result.stdout + result.stderr).contains("Pr0xyPassw0rd"), "the proxy password leaked\n\(result)")
    }

    @Test func proxyLoginIsSentAndNeverShown() async throws {
        let password = "Pr0xy-S3cret-9f8e"
        let rig = try await Rig.start(https: true, login: ("ops", password))
        defer { rig.stop() }
        let ca = try #require(rig.certificates).ca
        let log = rig.scratch.file("jobwatch.log")

        let missing = try await rig.get(["--log-file", log], environment: ["https_proxy": rig.proxy.url, "SSL_CERT_FILE": ca])
        #expect(missing.exitCode == 3, "\(missing)")
        #expect(missing.stderr.contains("proxy 127.0.0.1:\(rig.proxy.port) (https_proxy) wants a login (407) and none was given"), "\(missing)")

        let withLogin = "http://ops:\(password)@127.0.0.1:\(rig.proxy.port)"
        let good = try await rig.get(["--log-file", log, "--proxy", withLogin], environment: ["SSL_CERT_FILE": ca])
        #expect(good.exitCode == 0 || good.exitCode == 1, "\(good)")
        #expect(good.stdout.contains(rig.simulator.jobs[0].id), "\(good)")

        let wrong = try await rig.get(["--log-file", log], environment: ["https_proxy": "http://ops:not-\(password)@127.0.0.1:\(rig.proxy.port)", "SSL_CERT_FILE": ca])
        #expect(wrong.exitCode == 3, "\(wrong)")
        #expect(wrong.stderr.contains("a wrong login for user \"ops\""), "\(wrong)")

        let doctor = try await rig.runner.run(["doctor", "--proxy", withLogin, "--endpoint", rig.simulator.baseURL, "--project-id", Self.projectID, "--json"],
                                              environment: Self.keys.merging(["SSL_CERT_FILE": ca]) { _, new in new })
        #expect(doctor.stdout.contains("via proxy 127.0.0.1:\(rig.proxy.port) (--proxy)"), "\(doctor)")
        let logText = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        let basic = Data("ops:\(password)".utf8).base64EncodedString()
        // stdout and stderr: the transcript's command line holds the password the test gave.
        let shown = [missing, good, wrong, doctor].flatMap { [$0.stdout, $0.stderr] }
        DoctorEndToEndTests.expectNoSecret(shown + [logText], [password, basic, Self.keys["HUAWEICLOUD_SDK_SK"]!])
    }

    @Test func badProxySettingIsOneLineWithoutThePassword() async throws {
        let rig = try await Rig.start()
        defer { rig.stop() }
        let result = try await rig.get(environment: ["https_proxy": "ftp://ops:Hidden-Pass-77@127.0.0.1:21", "http_proxy": "ftp://ops:Hidden-Pass-77@127.0.0.1:21"])
        #expect(result.exitCode == 64, "\(result)")
        #expect(result.stderr.contains("has scheme ftp"), "\(result)")
        #expect(!(result.stdout + result.stderr).contains("Hidden-Pass-77"), "\(result)")
    }
}
