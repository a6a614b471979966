import Foundation
import JobModel

/// The official SDKs' credentials file: `HUAWEICLOUD_SDK_CREDENTIALS_FILE`, else
/// `~/.huaweicloud/credentials`, an INI file whose `[basic]` section holds `ak`, `sk`,
/// `project_id` and `security_token`. Other keys (`iam_endpoint`, …) are ignored.
public enum SDKCredentialsFile {
    public static let pathVariable = "HUAWEICLOUD_SDK_CREDENTIALS_FILE"
    public static let defaultSection = "basic"

    /// Where the file is looked for, and whether it was named (a named file must exist).
    public static func location(environment: [String: String]) -> (path: String, named: Bool) {
        if let named = environment[pathVariable]?.trimmingCharacters(in: .whitespaces), !named.isEmpty {
            return (NSString(string: named).expandingTildeInPath, true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (NSString(string: home).appendingPathComponent(".huaweicloud/credentials"), false)
    }

    /// The credential in `section`; nil when the default file does not exist.
    static func resolve(environment: [String: String], section: String?) throws(CredentialResolver.Problem) -> CredentialResolver.Resolved? {
        let (path, named) = location(environment: environment)
        let section = section ?? defaultSection
        if !named, !FileManager.default.fileExists(atPath: path) {
            // A profile that names a section expects the file.
            if section == defaultSection { return nil }
            throw .init(description: "\(path): no such file, but the profile names its section [\(section)] — create it, or drop credentials_section")
        }
        try CredentialResolver.checkPrivate(path, hint: named ? "check \(pathVariable)" : "check the file")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .init(description: "\(path): cannot read the credentials file — check its permissions")
        }
        let sections = try parse(String(decoding: data, as: UTF8.self), path: path)
        guard let values = sections[section] else {
            throw .init(description: "\(path): no [\(section)] section — add one with ak and sk, or name another with credentials_section")
        }
        let source = "\(path) [\(section)]"
        func value(_ key: String) -> String? {
            values[key].flatMap { $0.isEmpty ? nil : $0 }
        }
        switch (value("ak"), value("sk")) {
        case let (ak?, sk?):
            let key = Credential.AccessKey(accessKeyID: ak, secretKey: Secret(sk), securityToken: value("security_token").map(Secret.init))
            return .init(credential: .accessKey(key), projectID: value("project_id"), source: source)
        case (_?, nil):
            throw .init(description: "\(path) [\(section)]: ak is set but sk is not — set both")
        case (nil, _?):
            throw .init(description: "\(path) [\(section)]: sk is set but ak is not — set both")
        case (nil, nil):
            throw .init(description: "\(path) [\(section)]: no ak and sk in it — add ak = … and sk = … lines")
        }
    }

    /// Section → key → value. `#` and `;` start comments; keys are case-insensitive, as
    /// Python's configparser reads them.
    static func parse(_ text: String, path: String) throws(CredentialResolver.Problem) -> [String: [String: String]] {
        var sections: [String: [String: String]] = [:]
        var current: String?
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else {
                    throw .init(description: "\(path):\(index + 1): expected a [section] header")
                }
                let name = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                current = name
                sections[name, default: [:]] = sections[name] ?? [:]
                continue
            }
            guard let section = current else {
                throw .init(description: "\(path):\(index + 1): a key before any [section] — start the file with [\(defaultSection)]")
            }
            guard let separator = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw .init(description: "\(path):\(index + 1): expected key = value")
            }
            let key = line[..<separator].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: separator)...].trimmingCharacters(in: .whitespaces)
            if sections[section]?[key] != nil {
                // The value is never echoed.
                throw .init(description: "\(path):\(index + 1): \(key) is set twice in [\(section)] — keep one of them")
            }
            sections[section, default: [:]][key] = value
        }
        return sections
    }
}
