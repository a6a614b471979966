import Foundation
import JobModel
import JobAPI
import JobEngine
import JobSession
import Testing

/// `ProfileResolution.resolve`: one profile's endpoints per service, its credential (and where
/// it came from), with the command line's overrides for the selected one.
@Suite("Profile resolution: endpoints and credentials")
struct ProfileResolutionTests {
    static let project = SessionScratch.projectID

    static func config(_ text: String) throws -> JobwatchConfig {
        try JobwatchConfig.parse(Data(text.utf8), fileName: "config.json")
    }

    static func resolve(
        _ name: String = "p", config text: String, overrides: SessionFlags? = nil, environment: [String: String]
    ) throws -> ProfileResolution {
        try ProfileResolution.resolve(name, config: config(text), overrides: overrides, environment: environment)
    }

    static func error(_ body: () throws -> Void) -> (any Error)? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Endpoints

    @Test("the profile's endpoints map wins over its endpoint, service by service")
    func endpointsMap() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let text = #"""
            {"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "project_id": "\#(Self.project)", "auth": "none",
                                "endpoints": {"ecs": "http://127.0.0.1:18002", "eip": "https://127.0.0.1:18003/vpc-prefix/"}}}}
            """#
        let target = try Self.resolve(config: text, environment: scratch.environment()).target
        #expect(target.service == .bms)
        #expect(target.endpoint.port == 18001)
        #expect(target.endpoints[.ecs]?.port == 18002)
        #expect(target.endpoints[.vpc]?.port == 18003, "eip is vpc's alias")
        #expect(target.endpoints[.vpc]?.basePath == "/vpc-prefix")
        for service in [Service.bms, .evs, .ims, .cce] {
            #expect(target.endpoints[service]?.port == 18001, "\(service)")
        }
        #expect(target.endpoints.count == Service.all.count)
    }

    @Test("the endpoint is the one of the profile's service")
    func endpointOfTheService() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let text = #"""
            {"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "service": "ecs", "project_id": "\#(Self.project)", "auth": "none",
                                "endpoints": {"ecs": "http://127.0.0.1:18002"}}}}
            """#
        let target = try Self.resolve(config: text, environment: scratch.environment()).target
        #expect(target.service == .ecs)
        #expect(target.endpoint.port == 18002)
        #expect(target.key(for: "j1").endpoint == "127.0.0.1:18002")
        #expect(target.key(for: "j1", service: .bms).endpoint == "127.0.0.1:18001")
    }

    @Test("a map without the profile's own endpoint lists only its services")
    func mapOnly() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let text = #"""
            {"profiles": {"p": {"service": "cce", "project_id": "\#(Self.project)", "auth": "none", "endpoints": {"cce": "http://127.0.0.1:18006"}}}}
            """#
        let target = try Self.resolve(config: text, environment: scratch.environment()).target
        #expect(Array(target.endpoints.keys) == [.cce])
        #expect(target.endpoint.port == 18006)
    }

    @Test("no endpoint for the service asked for: one line naming the service and --region")
    func missingEndpoint() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let text = #"""
            {"profiles": {"p": {"service": "cce", "project_id": "\#(Self.project)", "auth": "none", "endpoints": {"cce": "http://127.0.0.1:18006"}}}}
            """#
        let error = Self.error { _ = try Self.resolve(config: text, overrides: .with { $0.service = .ecs }, environment: scratch.environment()) }
        let message = try #require((error as? UsageError)?.description)
        #expect(message == #"profile "p" has no region or endpoint for ecs — pass --region cn-north-4 (or --endpoint URL), or set region in the config"#)
        #expect(error is any UsageProblem)
    }

    @Test("a profile that is not configured, with no flags: the hint names --demo only when no profile is configured")
    func unconfiguredProfile() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let empty = Self.error { _ = try Self.resolve("x", config: "{}", environment: scratch.environment()) }
        #expect((empty as? UsageError)?.description.contains("(or try jobwatch --demo: no account needed)") == true)
        let some = Self.error {
            _ = try Self.resolve("x", config: #"{"profiles": {"p": {"endpoint": "http://127.0.0.1:18001"}}}"#, environment: scratch.environment())
        }
        let message = try #require((some as? UsageError)?.description)
        #expect(message.hasPrefix(#"profile "x" has no region or endpoint for bms"#))
        #expect(!message.contains("--demo"))
    }

    @Test("the profile's region gives each service its public host, or its HUAWEICLOUD_SDK_REGION_ variable")
    func profileRegion() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let text = #"{"profiles": {"p": {"region": "ap-southeast-1", "project_id": "\#(Self.project)", "auth": "none"}}}"#
        let environment = scratch.environment(["HUAWEICLOUD_SDK_REGION_EIP_AP_SOUTHEAST_1": "https://127.0.0.1:18443"])
        let target = try Self.resolve(config: text, environment: environment).target
        #expect(target.endpoint.host == "bms.ap-southeast-1.myhuaweicloud.com")
        #expect(target.endpoints[.cce]?.host == "cce.ap-southeast-1.myhuaweicloud.com")
        #expect(target.endpoints[.vpc] == (try Endpoint(parsing: "https://127.0.0.1:18443")), "EIP's variable names vpc's endpoint")
    }

    @Test("--endpoint and --region apply only when the profile is the selected one (overrides given)")
    func overridesOnlyWhenGiven() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let text = #"{"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "project_id": "\#(Self.project)", "auth": "none"}}}"#
        let flags = SessionFlags.with { $0.endpoint = "http://127.0.0.1:18008" }
        #expect(try Self.resolve(config: text, overrides: flags, environment: scratch.environment()).target.endpoint.port == 18008)
        #expect(try Self.resolve(config: text, overrides: nil, environment: scratch.environment()).target.endpoint.port == 18001)
    }

    // MARK: - Credentials

    static let akskProfile = #"{"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "project_id": "\#(project)", "auth": "aksk"}}}"#
    static let tokenProfile = #"{"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "project_id": "\#(project)", "auth": "token"}}}"#
    static let autoProfile = #"{"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "project_id": "\#(project)"}}}"#
    static let keys = ["HUAWEICLOUD_SDK_AK": "FAKEACCESSKEY0000000", "HUAWEICLOUD_SDK_SK": "fake-secret-key-not-real"]

    @Test("auth aksk with no keys anywhere is the user's to fix, in one line")
    func akskWithoutKeys() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let error = Self.error { _ = try Self.resolve(config: Self.akskProfile, environment: scratch.environment()) }
        let usage = try #require(error as? UsageError)
        #expect(usage.description == #"profile "p" wants AK/SK but none was found — set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, ~/.huaweicloud/credentials, or the profile's credentials_file"#)
        #expect(error is any UsageProblem)
    }

    @Test("auth aksk is not satisfied by a token")
    func akskWithToken() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let error = Self.error {
            _ = try Self.resolve(config: Self.akskProfile, environment: scratch.environment(["HUAWEICLOUD_SDK_TOKEN": "fake-token"]))
        }
        #expect((error as? UsageError)?.description.hasPrefix(#"profile "p" wants AK/SK but none was found"#) == true)
    }

    @Test("auth token is not satisfied by keys")
    func tokenWithKeys() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let error = Self.error { _ = try Self.resolve(config: Self.tokenProfile, environment: scratch.environment(Self.keys)) }
        #expect((error as? UsageError)?.description == #"profile "p" wants an IAM token but none was found — set HUAWEICLOUD_SDK_TOKEN, or the profile's credentials_file"#)
    }

    @Test("auth token with a token: its origin is the environment")
    func tokenFound() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let resolution = try Self.resolve(config: Self.tokenProfile, environment: scratch.environment(["HUAWEICLOUD_SDK_TOKEN": "fake-token"]))
        #expect(resolution.credentialOrigin == "environment")
        guard case .token = resolution.target.credential else {
            Issue.record("expected a token, got \(resolution.target.credential)")
            return
        }
    }

    @Test("auth aksk with keys in the environment")
    func akskFound() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let resolution = try Self.resolve(config: Self.akskProfile, environment: scratch.environment(Self.keys))
        #expect(resolution.credentialOrigin == "environment")
        #expect(resolution.projectIDOrigin == "the profile's project_id")
        guard case .accessKey(let key) = resolution.target.credential else {
            Issue.record("expected AK/SK, got \(resolution.target.credential)")
            return
        }
        #expect(key.accessKeyID == "FAKEACCESSKEY0000000")
    }

    @Test("an AK without its SK is refused, as the user's to fix")
    func halfAKSK() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let error = Self.error {
            _ = try Self.resolve(config: Self.autoProfile, environment: scratch.environment(["HUAWEICLOUD_SDK_AK": "FAKEACCESSKEY0000000"]))
        }
        #expect(error is CredentialResolver.Problem)
        #expect(error is any UsageProblem)
        #expect((error as? CredentialResolver.Problem)?.description == "environment: HUAWEICLOUD_SDK_AK is set but HUAWEICLOUD_SDK_SK is not — set both, or neither")
    }

    @Test("auth none sends nothing, whatever the environment holds")
    func authNone() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let text = #"{"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "project_id": "\#(Self.project)", "auth": "none"}}}"#
        let resolution = try Self.resolve(config: text, environment: scratch.environment(Self.keys))
        #expect(resolution.credentialOrigin == "none (auth none)")
        #expect(resolution.target.credential == Credential.none)
    }

    @Test("auth auto with nothing found is fine on loopback: origin none")
    func autoNothingLoopback() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let resolution = try Self.resolve(config: Self.autoProfile, environment: scratch.environment())
        #expect(resolution.credentialOrigin == "none")
        #expect(resolution.target.credential == Credential.none)
    }

    @Test("auth auto with nothing found is refused for a public endpoint (no request is made)")
    func autoNothingPublic() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let text = #"{"profiles": {"p": {"region": "cn-north-4", "project_id": "\#(Self.project)"}}}"#
        let error = Self.error { _ = try Self.resolve(config: text, environment: scratch.environment()) }
        let message = try #require((error as? UsageError)?.description)
        #expect(message == "no credentials for \(try Endpoint.region("cn-north-4")) — \(ProfileResolution.noCredentialHint)")
    }

    @Test("auth metadata: a refreshing credential, named by the metadata service's URL (never asked here)")
    func metadata() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let text = #"{"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "project_id": "\#(Self.project)", "auth": "metadata"}}}"#
        let resolution = try Self.resolve(config: text, environment: scratch.environment(["JOBWATCH_METADATA_URL": "http://127.0.0.1:18099/"]))
        #expect(resolution.credentialOrigin.hasPrefix("metadata service at http://127.0.0.1:18099, "))
        guard case .refreshing = resolution.target.credentialSource else {
            Issue.record("expected a refreshing credential")
            return
        }
        // Keys in the environment do not replace what was asked for.
        let withKeys = try Self.resolve(config: text, environment: scratch.environment(Self.keys.merging(["JOBWATCH_METADATA_URL": "http://127.0.0.1:18099"]) { a, _ in a }))
        #expect(withKeys.credentialOrigin.hasPrefix("metadata service at "))
    }

    @Test("the profile's credentials_file, and the SDK file's named section")
    func credentialFiles() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let file = try scratch.write("p.env", "export HUAWEICLOUD_SDK_AK=FAKEFILEKEY000000000\nHUAWEICLOUD_SDK_SK='fake'\n")
        let own = #"{"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "project_id": "\#(Self.project)", "credentials_file": "\#(file)"}}}"#
        #expect(try Self.resolve(config: own, environment: scratch.environment()).credentialOrigin == file)
        // The environment's keys win over the profile's file.
        #expect(try Self.resolve(config: own, environment: scratch.environment(Self.keys)).credentialOrigin == "environment")

        let sdk = try scratch.write(".huaweicloud/credentials", "[basic]\nak = A\nsk = B\n[prod]\nak = FAKEPRODKEY\nsk = C\n")
        let sectioned = #"{"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "project_id": "\#(Self.project)", "credentials_section": "prod"}}}"#
        let resolution = try Self.resolve(config: sectioned, environment: scratch.environment())
        #expect(resolution.credentialOrigin == "\(sdk) [prod]")
        guard case .accessKey(let key) = resolution.target.credential else {
            Issue.record("expected AK/SK")
            return
        }
        #expect(key.accessKeyID == "FAKEPRODKEY")
    }

    @Test("a credentials file others may read is refused")
    func credentialsFileMode() throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let file = try scratch.write("p.env", "HUAWEICLOUD_SDK_AK=A\nHUAWEICLOUD_SDK_SK=B\n", mode: 0o644)
        let text = #"{"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "project_id": "\#(Self.project)", "credentials_file": "\#(file)"}}}"#
        let error = Self.error { _ = try Self.resolve(config: text, environment: scratch.environment()) }
        #expect(error is any UsageProblem)
        #expect((error as? CredentialResolver.Problem)?.description == "\(file): credentials file is readable by others (mode 644) — run chmod 600 \(file)")
    }
}
