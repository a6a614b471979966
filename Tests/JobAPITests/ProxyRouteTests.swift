import Foundation
import Testing
@testable import JobAPI

/// The route rules, as curl documents them: which proxy an endpoint takes, and what NO_PROXY
/// sends direct. Names only: nothing here connects anywhere.
@Suite struct ProxyRouteTests {
    @Test(arguments: [
        // (NO_PROXY, host, port, direct?)
        ("*", "bms.cn-north-4.myhuaweicloud.com", 443, true),
        ("example.com", "example.com", 443, true),
        ("example.com", "api.example.com", 443, true),
        (".example.com", "example.com", 443, true),
        (".example.com", "api.example.com", 443, true),
        ("example.com", "notexample.com", 443, false),
        ("example.com", "example.com.evil.test", 443, false),
        ("EXAMPLE.com.", "Api.Example.COM", 443, true),
        ("  foo.test , example.com ", "api.example.com", 443, true),
        ("example.com:8443", "example.com", 443, false),
        ("example.com:8443", "example.com", 8443, true),
        ("127.0.0.1", "127.0.0.1", 80, true),
        ("127.0.0.1", "127.0.0.2", 80, false),
        ("127.0.0.0/8", "127.3.2.1", 80, true),
        ("10.0.0.0/8", "11.0.0.1", 80, false),
        ("::1", "::1", 443, true),
        ("[::1]:8443", "[::1]", 8443, true),
        ("[::1]:8443", "[::1]", 443, false),
        ("fd00::/8", "fd12::1", 443, true),
        // An address entry never matches a name, nor a name entry an address.
        ("127.0.0.1", "localhost", 80, false),
        ("", "example.com", 443, false),
    ])
    func noProxyMatchesAsCurlDoes(noProxy: String, host: String, port: Int, direct: Bool) {
        #expect((NoProxyList(noProxy).match(host: host, port: port) != nil) == direct, "NO_PROXY=\(noProxy) host \(host):\(port)")
    }

    @Test func environmentPicksTheProxyForTheScheme() throws {
        let environment = [
            "https_proxy": "http://lower:3128", "HTTPS_PROXY": "http://upper:3128",
            "HTTP_PROXY": "http://cgi-set:3128", "NO_PROXY": ".internal",
        ]
        let setting = try ProxySetting.environment(environment)
        #expect(setting.route(scheme: "https", host: "ecs.example.com", port: 443).description == "via proxy lower:3128 (https_proxy)")
        // curl never reads upper-case HTTP_PROXY: an http endpoint goes direct.
        #expect(setting.route(scheme: "http", host: "127.0.0.1", port: 80).description == "direct (no http_proxy set)")
        #expect(setting.route(scheme: "https", host: "iam.corp.internal", port: 443).description == "direct (NO_PROXY matches .internal)")

        let upperOnly = try ProxySetting.environment(["HTTPS_PROXY": "proxy.corp:8080"])
        #expect(upperOnly.route(scheme: "https", host: "a.b", port: 443).description == "via proxy proxy.corp:8080 (HTTPS_PROXY)")
        let all = try ProxySetting.environment(["ALL_PROXY": "http://all:1"])
        #expect(all.route(scheme: "http", host: "a.b", port: 80).description == "via proxy all:1 (ALL_PROXY)")
        #expect(try ProxySetting.environment([:]).route(scheme: "https", host: "a.b", port: 443).description == "direct (no https_proxy or HTTPS_PROXY set)")
    }

    @Test func givenProxyWinsAndNoneTurnsItOff() throws {
        let environment = ["https_proxy": "http://env:3128"]
        let given = try ProxySetting.given("http://flag:8080", origin: "--proxy", environment: environment)
        #expect(given.route(scheme: "https", host: "a.b", port: 443).description == "via proxy flag:8080 (--proxy)")
        let none = try ProxySetting.given("none", origin: "profiles.x.proxy", environment: environment)
        #expect(none.route(scheme: "https", host: "a.b", port: 443).description == "direct (profiles.x.proxy none)")
    }

    @Test func metadataServiceIsNeverProxied() throws {
        let setting = try ProxySetting.given("http://flag:8080", origin: "--proxy", environment: [:])
        #expect(setting.route(scheme: "http", host: "169.254.10.20", port: 80).server == nil)
        #expect(setting.route(scheme: "http", host: "fe80::1", port: 80).server == nil)
        let metadata = MetadataCredentials(environment: [MetadataCredentials.urlVariable: "http://127.0.0.1:9"], proxy: setting)
        #expect(metadata.route.server != nil, "a loopback stand-in follows the rules like any host")
    }

    @Test func loginIsKeptButNeverShown() throws {
        let server = try ProxyServer(parsing: "http://ops:p%40ss-W0rd@proxy.corp:3128", origin: "HTTPS_PROXY")
        #expect(server.user == "ops")
        #expect(server.secrets == ["p@ss-W0rd"])
        #expect(server.description == "proxy.corp:3128")
        #expect(!String(reflecting: ProxyRoute.proxy(server, origin: "HTTPS_PROXY")).contains("W0rd"))
        #expect(try ProxyServer(parsing: "proxy.corp", origin: "x").port == 1080, "curl's default proxy port")
    }

    @Test(arguments: ["ftp://u:Secret-1@h:21", "https://u:Secret-1@h:443", "http://u:Secret-1@h:99999", "http://u:Secret-1@h:1/path", "socks5://u:Secret-1@h:1080"])
    func badProxyURLIsOneLineWithoutThePassword(text: String) {
        #expect(throws: ProxyServer.Problem.self) { try ProxyServer(parsing: text, origin: "https_proxy") }
        do {
            _ = try ProxyServer(parsing: text, origin: "https_proxy")
        } catch {
            #expect(!error.description.contains("Secret-1"), "\(error)")
            #expect(error.description.hasPrefix("https_proxy "), "\(error)")
        }
    }

    @Test func trustComesFromCAFileThenEnvironmentThenSystem() throws {
        #expect(try TrustStore.resolve(caFile: nil, origin: "", environment: [:]) == .system)
        let ca = try TrustStore.resolve(caFile: "/etc/corp.pem", origin: "--ca-file", environment: ["SSL_CERT_FILE": "/nowhere.pem"])
        #expect(ca.description == "/etc/corp.pem (--ca-file) and the system's CA bundle")
        #expect(throws: TrustStore.Problem.self) { try TrustStore.resolve(caFile: nil, origin: "", environment: ["SSL_CERT_FILE": "/nowhere/jobwatch.pem"]) }
        #expect(throws: TrustStore.Problem.self) { try TrustStore.resolve(caFile: nil, origin: "", environment: ["SSL_CERT_DIR": "/nowhere/certs"]) }
        let folder = try TrustStore.resolve(caFile: nil, origin: "", environment: ["SSL_CERT_DIR": "/tmp"])
        #expect(folder.description == "SSL_CERT_DIR /tmp")
    }
}
