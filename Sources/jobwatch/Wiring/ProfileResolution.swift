import JobModel
import JobAPI
import JobEngine

/// A resolved profile, with where its credential and project ID came from: named in the log
/// and by `doctor`, never with a secret.
struct ProfileResolution {
    var target: ProfileTarget
    /// "environment", a file path (with its section), "metadata service at URL", "none".
    var credentialOrigin: String
    /// "--project-id", "the profile's project_id", a credential origin, `HUAWEICLOUD_SDK_PROJECT_ID`.
    var projectIDOrigin: String

    struct Found {
        var source: CredentialSource
        var origin: String
        var projectID: String?
    }

    static let noCredentialHint = "set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or HUAWEICLOUD_SDK_TOKEN), or write ~/.huaweicloud/credentials ([basic] with ak and sk, mode 600); on an ECS host with an IAM agency pass --auth metadata"

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
        let resolved: CredentialResolver.Resolved
        do {
            resolved = try CredentialResolver.resolve(environment: environment, file: configured?.credentialsFile, section: configured?.credentialsSection)
        } catch {
            throw UsageError("\(error)")
        }
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
        return Found(source: .fixed(resolved.credential), origin: resolved.source, projectID: resolved.projectID)
    }
}
