import JobModel
import Foundation
import NIOSSL

/// The certificates an endpoint's TLS certificate is checked against. `--ca-file` or the
/// profile's `ca_file` (on top of the system's bundle) wins over `SSL_CERT_FILE` and
/// `SSL_CERT_DIR`, which replace the system's bundle and folder as they do for OpenSSL and curl.
public struct TrustStore: Sendable, Hashable, CustomStringConvertible {
    public enum Source: Sendable, Hashable {
        case system
        /// `SSL_CERT_FILE` and/or `SSL_CERT_DIR` (a `:`-separated list of hashed folders).
        case environment(file: String?, directories: [String])
        /// A private CA's PEM file, and where it was named (`--ca-file`, `profiles.X.ca_file`).
        case caFile(String, origin: String)
    }

    public var source: Source

    public init(_ source: Source) {
        self.source = source
    }

    public static let system = TrustStore(.system)

    public struct Problem: UsageProblem, Sendable, Hashable {
        public var description: String
    }

    /// The store a profile uses: its CA file if it names one, else the environment's, else the system's.
    public static func resolve(caFile: String?, origin: String, environment: [String: String]) throws(Problem) -> TrustStore {
        if let caFile { return TrustStore(.caFile(caFile, origin: origin)) }
        let file = environment["SSL_CERT_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        let directories = (environment["SSL_CERT_DIR"] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        guard file != nil || !directories.isEmpty else { return .system }
        if let file {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue,
                  FileManager.default.isReadableFile(atPath: file)
            else {
                throw Problem(description: "SSL_CERT_FILE \(file) is not a readable file — point it at a PEM bundle, or unset it to use the system's")
            }
            if let problem = CertificateFile.problem(atPath: file) {
                throw Problem(description: "SSL_CERT_FILE \(file) \(problem) — point it at a PEM bundle, or unset it to use the system's")
            }
        }
        for folder in directories {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw Problem(description: "SSL_CERT_DIR \(folder) is not a folder — give folders of hashed certificates (openssl rehash), or unset it")
            }
        }
        return TrustStore(.environment(file: file, directories: directories))
    }

    /// The TLS configuration that trusts exactly this store; always fully verified.
    func tlsConfiguration() -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .fullVerification
        switch source {
        case .system:
            break
        case .caFile(let path, _):
            tls.additionalTrustRoots = [.file(path)]
        case .environment(let file, let directories):
            // NIOSSL takes one file or folder as the store and PEM files beside it: the first
            // folder is the store, the file and the other folders' certificates are added.
            if let folder = directories.first {
                tls.trustRoots = .file(folder)
                tls.additionalTrustRoots = (file.map { [.file($0)] } ?? []) + directories.dropFirst().flatMap(Self.hashedCertificates)
            } else if let file {
                tls.trustRoots = .file(file)
            }
        }
        return tls
    }

    /// The certificates of an `openssl rehash` folder (`1a2b3c4d.0`), as PEM files.
    static func hashedCertificates(in folder: String) -> [NIOSSLAdditionalTrustRoots] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().filter { name in
            let parts = name.split(separator: ".")
            return parts.count == 2 && parts[0].count == 8 && parts[0].allSatisfy(\.isHexDigit) && parts[1].allSatisfy(\.isNumber)
        }.map { .file(folder + "/" + $0) }
    }

    /// For `doctor` and messages: which certificates vouch for endpoints.
    public var description: String {
        switch source {
        case .system:
            let bundle = Self.systemBundles.first { FileManager.default.fileExists(atPath: $0) }
            return "the system's CA bundle (\(bundle ?? "none found: /etc/ssl/certs/ca-certificates.crt or /etc/pki/tls/certs/ca-bundle.crt"))"
        case .caFile(let path, let origin):
            return "\(path) (\(origin)) and the system's CA bundle"
        case .environment(let file, let directories):
            var parts: [String] = []
            if let file { parts.append("SSL_CERT_FILE \(file)") }
            if !directories.isEmpty { parts.append("SSL_CERT_DIR \(directories.joined(separator: ":"))") }
            return parts.joined(separator: " and ")
        }
    }

    /// Where NIOSSL looks for the system's bundle on Linux, in its order.
    static let systemBundles = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt"]

    /// What to give to trust a certificate, for the message of one that is not trusted.
    var fixHint: String {
        switch source {
        case .caFile(_, let origin): "add its CA to the file \(origin) names, or give the right one with --ca-file"
        case .system, .environment: "give its CA with --ca-file or SSL_CERT_FILE"
        }
    }
}
