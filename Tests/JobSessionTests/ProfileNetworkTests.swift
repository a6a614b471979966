import Foundation
import JobModel
import JobAPI
import JobEngine
import JobSession
import Testing

/// A profile's proxy and trust: `--proxy`/`--ca-file` over the profile's `proxy`/`ca_file`
/// over the environment's. Every proxy here is on loopback and is never connected to.
@Suite("Profile resolution: proxy and CA")
struct ProfileNetworkTests {
    static let project = SessionScratch.projectID
    static let endpoint = "https://127.0.0.1:18443"

    static func config(proxy: String? = nil, caFile: String? = nil) -> String {
        var fields = [#""endpoint": "\#(endpoint)""#, #""project_id": "\#(project)""#, #""auth": "none""#]
        if let proxy { fields.append(#""proxy": "\#(proxy)""#) }
        if let caFile { fields.append(#""ca_file": "\#(caFile)""#) }
        return #"{"profiles": {"p": {\#(fields.joined(separator: ", "))}}}"#
    }

    static func network(config text: String, overrides: SessionFlags? = nil, environment: [String: String]) throws -> NetworkSettings {
        let config = try JobwatchConfig.parse(Data(text.utf8), fileName: "config.json")
        return try ProfileResolution.resolve("p", config: config, overrides: overrides, environment: environment).target.network
    }

    /// How the profile's endpoint is reached.
    static func route(_ network: NetworkSettings) throws -> String {
        network.route(to: try Endpoint(parsing: endpoint)).proxy.description
    }

    static let environmentProxy = ["https_proxy": "http://127.0.0.1:3128"]

    @Test("the environment's https_proxy when nothing else names one")
    func environment() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let network = try Self.network(config: Self.config(), environment: scratch.environment(Self.environmentProxy))
        #expect(try Self.route(network) == "via proxy 127.0.0.1:3128 (https_proxy)")
        #expect(try Self.route(Self.network(config: Self.config(), environment: scratch.environment())) == "direct (no https_proxy or HTTPS_PROXY set)")
    }

    @Test("the profile's proxy wins over the environment's")
    func profile() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let network = try Self.network(config: Self.config(proxy: "http://127.0.0.1:3129"), environment: scratch.environment(Self.environmentProxy))
        #expect(try Self.route(network) == "via proxy 127.0.0.1:3129 (profiles.p.proxy)")
    }

    @Test("--proxy wins over the profile's proxy")
    func flag() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let network = try Self.network(
            config: Self.config(proxy: "http://127.0.0.1:3129"), overrides: .with { $0.proxy = "http://127.0.0.1:3130" },
            environment: scratch.environment(Self.environmentProxy)
        )
        #expect(try Self.route(network) == "via proxy 127.0.0.1:3130 (--proxy)")
    }

    @Test("none turns every proxy off, and says who did")
    func none() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let environment = scratch.environment(Self.environmentProxy)
        let byProfile = try Self.network(config: Self.config(proxy: "none"), environment: environment)
        #expect(try Self.route(byProfile) == "direct (profiles.p.proxy none)")
        let byFlag = try Self.network(config: Self.config(proxy: "http://127.0.0.1:3129"), overrides: .with { $0.proxy = "NONE" }, environment: environment)
        #expect(try Self.route(byFlag) == "direct (--proxy none)")
    }

    @Test("NO_PROXY still applies to --proxy")
    func noProxy() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let network = try Self.network(
            config: Self.config(), overrides: .with { $0.proxy = "http://127.0.0.1:3130" },
            environment: scratch.environment(["NO_PROXY": "127.0.0.1"])
        )
        #expect(try Self.route(network).hasPrefix("direct (NO_PROXY matches "))
    }

    @Test("a --proxy that is not a proxy URL is refused, naming the flag, never the URL")
    func badProxyFlag() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        do {
            _ = try Self.network(config: Self.config(), overrides: .with { $0.proxy = "https://user:pw-secret@127.0.0.1:3130" }, environment: scratch.environment())
            Issue.record("an https:// proxy was accepted")
        } catch {
            #expect(error is any UsageProblem)
            #expect("\(error)".hasPrefix("--proxy asks for TLS to the proxy itself"))
            #expect(!"\(error)".contains("pw-secret"))
        }
    }

    @Test("--proxy is the selected profile's only: another profile a job uses keeps its own")
    func flagOnlyForSelected() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let config = #"""
            {"default_profile": "a",
             "profiles": {"a": {"endpoint": "\#(Self.endpoint)", "project_id": "\#(Self.project)", "auth": "none"},
                          "b": {"endpoint": "\#(Self.endpoint)", "project_id": "\#(Self.project)", "auth": "none", "proxy": "http://127.0.0.1:3129"}}}
            """#
        // A config job on `b` brings `b` in, with its own proxy.
        let configWithJob = config.replacingOccurrences(of: #""default_profile": "a","#, with: #""default_profile": "a", "jobs": [{"id": "b1", "profile": "b"}],"#)
        let both = try await scratch.session(config: configWithJob, flags: .with { $0.proxy = "http://127.0.0.1:3130" }, includeConfiguredJobs: true)
        #expect(both.profiles.map(\.name) == ["a", "b"])
        #expect(try Self.route(try #require(both.profile("a")).network) == "via proxy 127.0.0.1:3130 (--proxy)")
        #expect(try Self.route(try #require(both.profile("b")).network) == "via proxy 127.0.0.1:3129 (profiles.b.proxy)")
    }

    @Test("--ca-file wins over the profile's ca_file; each named by where it came from")
    func caFile() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let profileCA = scratch.path + "/profile-ca.pem"
        let flagCA = scratch.path + "/flag-ca.pem"
        let fromProfile = try Self.network(config: Self.config(caFile: profileCA), environment: scratch.environment())
        #expect(fromProfile.trust == TrustStore(.caFile(profileCA, origin: "profiles.p.ca_file")))
        let fromFlag = try Self.network(config: Self.config(caFile: profileCA), overrides: .with { $0.caFile = flagCA }, environment: scratch.environment())
        #expect(fromFlag.trust == TrustStore(.caFile(flagCA, origin: "--ca-file")))
        let neither = try Self.network(config: Self.config(), environment: scratch.environment())
        #expect(neither.trust == TrustStore.system)
    }
}
