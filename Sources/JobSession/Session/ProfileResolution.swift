import JobModel
import JobAPI
import JobEngine

/// A resolved profile, with where its credential and project ID came from: named in the log
/// and by `doctor`, never with a secret.
public struct ProfileResolution: Sendable {
    public var target: ProfileTarget
    /// "environment", a file path (with its section), "metadata service at URL", "none".
    public var credentialOrigin: String
    /// "--project-id", "the profile's project_id", a credential origin, `HUAWEICLOUD_SDK_PROJECT_ID`.
    public var projectIDOrigin: String

    struct Found {
        var source: CredentialSource
        var origin: String
        var projectID: String?
    }

    public static let noCredentialHint = "set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or HUAWEICLOUD_SDK_TOKEN), or write ~/.huaweicloud/credentials ([basic] with ak and sk, mode 600); on an ECS host with an IAM agency pass --auth metadata"

    /// The credential chain for one profile: the metadata service only when `auth` asks for
    /// it (never probed on its own), else the environment and the files (`CredentialResolver`).
    static func credential(auth: JobwatchConfig.AuthKind, profile name: String, configured: JobwatchConfig.Profile?, endpoint: Endpoint, proxy: ProxySetting = .off, environment: [String: String]) throws -> Found {
        if auth == .metadata {
            let metadata = MetadataCredentials(environment: environment, proxy: proxy)
            return Found(source: .refreshing(RefreshingCredential(fetcher: metadata)), origin: "metadata service at \(metadata.baseURL), \(metadata.route)", projectID: nil)
        }
        if auth == .none {
            return Found(source: .fixed(.none), origin: "none (auth none)", projectID: nil)
        }
        let resolved = try CredentialResolver.resolve(environment: environment, file: configured?.credentialsFile, section: configured?.credentialsSection)
        switch (auth, resolved.credential) {
        case (.aksk, .accessKey), (.token, .token), (.auto, _), (.none, _), (.metadata, _):
            break
        case (.aksk, _):
            throw UsageError("profile \(name.debugDescription) wants AK/SK but none was found — set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, ~/.huaweicloud/credentials, or the profile's credentials_file")
        case (.token, _):
            throw UsageError("profile \(name.debugDescription) wants an IAM token but none was found — set HUAWEICLOUD_SDK_TOKEN, or the profile's credentials_file")
        }
        if case .none = resolved.credential, !Endpoint.isLoopback(endpoint.host) {
            throw UsageError("no credentials for \(endpoint) — \(noCredentialHint)")
        }
        // Without a credential its "project ID" is the environment's, named as such below.
        if case .none = resolved.credential {
            return Found(source: .fixed(.none), origin: resolved.source, projectID: nil)
        }
        return Found(source: .fixed(resolved.credential), origin: resolved.source, projectID: resolved.projectID)
    }

    /// A profile from the config, with the command line's `overrides` for the selected one.
    public static func resolve(_ name: String, config: JobwatchConfig, overrides: SessionFlags?, environment: [String: String]) throws -> ProfileResolution {
        let configured = config.profiles[name]
        let service = overrides?.service ?? configured?.service ?? .bms
        // Per service: the command line's URL or region, else the profile's own URL for the
        // service, else its URL for all, else its region.
        var endpoints: [Service: Endpoint] = [:]
        let cloud = overrides?.cloud ?? configured?.cloud ?? .huaweicloud
        for each in Service.all {
            if let url = overrides?.endpoint {
                endpoints[each] = try Endpoint(parsing: url)
            } else if let region = overrides?.region {
                endpoints[each] = try RegionEndpoint.endpoint(service: each, region: region, cloud: cloud, environment: environment)
            } else if let url = configured?.endpoints[each] ?? configured?.endpoint {
                endpoints[each] = try Endpoint(parsing: url)
            } else if let region = configured?.region {
                endpoints[each] = try RegionEndpoint.endpoint(service: each, region: region, cloud: cloud, environment: environment)
            }
        }
        guard let endpoint = endpoints[service] else {
            let demoHint = config.profiles.isEmpty ? " (or try jobwatch --demo: no account needed)" : ""
            throw UsageError("profile \(name.debugDescription) has no region or endpoint for \(service.name) — pass --region cn-north-4 (or --endpoint URL), or set region in the config\(demoHint)")
        }

        let auth = overrides?.auth ?? configured?.auth ?? .auto
        let network = try network(of: name, configured: configured, overrides: overrides, environment: environment)
        let found = try credential(auth: auth, profile: name, configured: configured, endpoint: endpoint, proxy: network.proxy, environment: environment)

        let projectID: String
        let projectIDOrigin: String
        if let flag = overrides?.projectID {
            (projectID, projectIDOrigin) = (flag, "--project-id")
        } else if let value = configured?.projectID {
            (projectID, projectIDOrigin) = (value, "the profile's project_id")
        } else if let value = found.projectID {
            (projectID, projectIDOrigin) = (value, found.origin)
        } else if let value = environment[CredentialResolver.projectIDVariable], !value.isEmpty {
            (projectID, projectIDOrigin) = (value, CredentialResolver.projectIDVariable)
        } else {
            throw UsageError("no project ID for profile \(name.debugDescription) — pass --project-id, set project_id in the profile, or HUAWEICLOUD_SDK_PROJECT_ID")
        }
        if let problem = JobID.problem(with: projectID) {
            throw UsageError("project ID \(projectID.debugDescription) \(problem) — check --project-id / project_id")
        }
        var target = ProfileTarget(name: name, endpoint: endpoint, projectID: projectID, credential: .none, requestsPerMinute: configured?.requestsPerMinute)
        target.credentialSource = found.source
        target.service = service
        target.endpoints = endpoints
        target.cloud = cloud
        let domainID = overrides?.domainID ?? configured?.domainID ?? environment[CredentialResolver.domainIDVariable].flatMap { $0.isEmpty ? nil : $0 }
        if let domainID, let problem = JobID.problem(with: domainID) {
            throw UsageError("domain ID \(domainID.debugDescription) \(problem) — check --domain-id / domain_id")
        }
        target.domainID = domainID
        // Each profile's own CA: another profile's private CA must not vouch for this endpoint.
        target.network = network
        return ProfileResolution(target: target, credentialOrigin: found.origin, projectIDOrigin: projectIDOrigin)
    }

    /// The profile's proxy rules and trust: `--proxy`/`--ca-file` over the profile's `proxy`/
    /// `ca_file` over the environment's.
    static func network(of name: String, configured: JobwatchConfig.Profile?, overrides: SessionFlags?, environment: [String: String]) throws -> NetworkSettings {
        let proxy: ProxySetting
        if let text = overrides?.proxy {
            proxy = try ProxySetting.given(text, origin: "--proxy", environment: environment)
        } else if let text = configured?.proxy {
            proxy = try ProxySetting.given(text, origin: "profiles.\(name).proxy", environment: environment)
        } else {
            proxy = try ProxySetting.environment(environment)
        }
        let caOrigin = overrides?.caFile != nil ? "--ca-file" : "profiles.\(name).ca_file"
        let trust = try TrustStore.resolve(caFile: overrides?.caFile ?? configured?.caFile, origin: caOrigin, environment: environment)
        return NetworkSettings(proxy: proxy, trust: trust)
    }
}
