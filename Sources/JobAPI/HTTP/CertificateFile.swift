import NIOSSL

/// Whether a CA file holds certificates: TLS would otherwise fail on every request, which
/// looks like a network error, for what is a configuration mistake.
public enum CertificateFile {
    /// `nil` when NIOSSL loads at least one certificate from the PEM file.
    public static func problem(atPath path: String) -> String? {
        guard let certificates = try? NIOSSLCertificate.fromPEMFile(path) else {
            return "holds no PEM certificate NIOSSL can read"
        }
        return certificates.isEmpty ? "holds no certificate" : nil
    }
}
