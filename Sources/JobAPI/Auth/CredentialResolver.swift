import Foundation
import JobModel

/// Finds the credential in the official SDK's order (`auth/provider.py`): the environment
/// (`HUAWEICLOUD_SDK_AK`/`_SK`/`_SECURITY_TOKEN`, or `HUAWEICLOUD_SDK_TOKEN`), then the
/// profile's `credentials_file`, then the SDK's credentials file (`SDKCredentialsFile`); the
/// first complete one wins. Files are refused when group- or world-readable (as ssh does).
/// The metadata service is never probed here: only when asked for (`MetadataCredentials`).
/// Never from a flag: it would show in `ps` and shell history.
public enum CredentialResolver {
    public static let accessKeyVariable = "HUAWEICLOUD_SDK_AK"
    public static let secretKeyVariable = "HUAWEICLOUD_SDK_SK"
    public static let securityTokenVariable = "HUAWEICLOUD_SDK_SECURITY_TOKEN"
    public static let projectIDVariable = "HUAWEICLOUD_SDK_PROJECT_ID"
    /// The account's ID, as the SDK's `GlobalCredentials` read it (Global EIP, orders).
    public static let domainIDVariable = "HUAWEICLOUD_SDK_DOMAIN_ID"
    public static let tokenVariable = "HUAWEICLOUD_SDK_TOKEN"

    public struct Resolved: Sendable, Hashable {
        public var credential: Credential
        /// `HUAWEICLOUD_SDK_PROJECT_ID`, if the source sets it.
        public var projectID: String?
        /// Where it came from, for messages ("environment", a file path).
        public var source: String
    }

    public struct Problem: UsageProblem, Sendable, Hashable {
        public var description: String
    }

    /// - Parameters:
    ///   - file: the profile's credentials file, used when the environment has none.
    ///   - section: the SDK credentials file's section (`credentials_section`), else `basic`.
    public static func resolve(environment: [String: String], file: String?, section: String? = nil) throws(Problem) -> Resolved {
        if let resolved = try fromVariables(environment, source: "environment") {
            return resolved
        }
        if let file {
            let variables = try readFile(file)
            if let resolved = try fromVariables(variables, source: file) {
                return resolved
            }
            throw Problem(description: "\(file): no credential in it — add \(accessKeyVariable) and \(secretKeyVariable) lines, or \(tokenVariable)")
        }
        if let resolved = try SDKCredentialsFile.resolve(environment: environment, section: section) {
            return resolved
        }
        return Resolved(credential: .none, projectID: environment[projectIDVariable].flatMap(nonEmpty), source: "none")
    }

    static func fromVariables(_ variables: [String: String], source: String) throws(Problem) -> Resolved? {
        let ak = variables[accessKeyVariable].flatMap(nonEmpty)
        let sk = variables[secretKeyVariable].flatMap(nonEmpty)
        let securityToken = variables[securityTokenVariable].flatMap(nonEmpty)
        let token = variables[tokenVariable].flatMap(nonEmpty)
        let projectID = variables[projectIDVariable].flatMap(nonEmpty)
        switch (ak, sk) {
        case let (ak?, sk?):
            let key = Credential.AccessKey(accessKeyID: ak, secretKey: Secret(sk), securityToken: securityToken.map(Secret.init))
            return Resolved(credential: .accessKey(key), projectID: projectID, source: source)
        case (_?, nil):
            throw Problem(description: "\(source): \(accessKeyVariable) is set but \(secretKeyVariable) is not — set both, or neither")
        case (nil, _?):
            throw Problem(description: "\(source): \(secretKeyVariable) is set but \(accessKeyVariable) is not — set both, or neither")
        case (nil, nil):
            if let token {
                return Resolved(credential: .token(Secret(token)), projectID: projectID, source: source)
            }
            return nil
        }
    }

    /// `KEY=VALUE` lines with the environment's names; `#` comments and `export ` allowed.
    static func readFile(_ path: String) throws(Problem) -> [String: String] {
        try checkPrivate(path, hint: "check the path in the profile's credentials_file")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(description: "\(path): cannot read the credentials file — check its permissions")
        }
        var values: [String: String] = [:]
        var firstLine: [String: Int] = [:]
        for (index, rawLine) in String(decoding: data, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "=") else {
                throw Problem(description: "\(path):\(index + 1): expected NAME=VALUE")
            }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
                value = String(value.dropFirst().dropLast())
            }
            // Which one would win is a guess either way; the value is never echoed.
            if let first = firstLine[name] {
                throw Problem(description: "\(path): \(name) is set twice (lines \(first) and \(index + 1)) — keep one of them")
            }
            firstLine[name] = index + 1
            values[name] = value
        }
        return values
    }

    /// Refuses a missing file, or one group or others may read.
    static func checkPrivate(_ path: String, hint: String) throws(Problem) {
        let attributes: [FileAttributeKey: Any]
        do {
            // The file a symlink points to is the one checked (as ssh does): a link's own mode is 777.
            attributes = try FileManager.default.attributesOfItem(atPath: NSString(string: path).resolvingSymlinksInPath)
        } catch {
            throw Problem(description: "\(path): cannot read the credentials file — \(hint)")
        }
        if let mode = (attributes[.posixPermissions] as? NSNumber)?.uint16Value, mode & 0o077 != 0 {
            throw Problem(description: "\(path): credentials file is readable by others (mode \(String(mode & 0o777, radix: 8))) — run chmod 600 \(path)")
        }
    }

    private static func nonEmpty(_ value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
