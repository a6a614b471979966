import Foundation

/// A private CA and server certificates signed by it, made with the openssl command: one for
/// 127.0.0.1, one expired, one for another name. All share one key.
struct TestCertificates {
    var ca: String
    var key: String
    var good: String
    var expired: String
    var otherName: String

    static let caName = "jobwatch test CA"

    static func make(in scratch: Scratch) async throws -> TestCertificates {
        let ca = scratch.file("ca.pem"), caKey = scratch.file("ca.key")
        let key = scratch.file("server.key"), csr = scratch.file("server.csr")
        let san = scratch.file("san.ext"), other = scratch.file("other.ext")
        try Data("subjectAltName=IP:127.0.0.1\n".utf8).write(to: URL(fileURLWithPath: san))
        try Data("subjectAltName=DNS:www.other.example\n".utf8).write(to: URL(fileURLWithPath: other))
        let certificates = TestCertificates(ca: ca, key: key, good: scratch.file("server.pem"), expired: scratch.file("expired.pem"), otherName: scratch.file("other.pem"))
        let sign = ["x509", "-req", "-in", csr, "-CA", ca, "-CAkey", caKey, "-CAcreateserial"]
        let steps: [[String]] = [
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey, "-out", ca, "-subj", "/CN=\(caName)", "-days", "2"],
            ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr, "-subj", "/CN=127.0.0.1"],
            sign + ["-out", certificates.good, "-days", "2", "-extfile", san],
            // -days -1: valid until yesterday.
            sign + ["-out", certificates.expired, "-days", "-1", "-extfile", san],
            sign + ["-out", certificates.otherName, "-days", "2", "-extfile", other],
        ]
        for step in steps {
            let child = try ChildProcess(executable: "/usr/bin/env", arguments: ["openssl"] + step, environment: ProcessInfo.processInfo.environment, stdin: nil)
            let termination = await child.waitForExit(timeout: .seconds(20))
            guard termination == .exited(0) else { throw FaultHarnessProblem(description: "openssl \(step[0]) failed\n\(child.transcript)") }
        }
        return certificates
    }

    /// An `openssl rehash` folder holding the CA: what `SSL_CERT_DIR` names.
    func hashedFolder(in scratch: Scratch) async throws -> String {
        let folder = scratch.file("certs")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: ca, toPath: folder + "/ca.pem")
        let child = try ChildProcess(executable: "/usr/bin/env", arguments: ["openssl", "rehash", folder], environment: ProcessInfo.processInfo.environment, stdin: nil)
        guard await child.waitForExit(timeout: .seconds(20)) == .exited(0) else { throw FaultHarnessProblem(description: "openssl rehash failed\n\(child.transcript)") }
        return folder
    }
}
