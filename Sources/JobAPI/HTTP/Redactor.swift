import Foundation
import JobModel

/// Removes secret values from text that came from elsewhere (a server's message, a body).
package struct Redactor: Sendable {
    let secrets: [String]

    package init(secrets: [String]) {
        self.secrets = secrets.filter { $0.count >= 4 }
    }

    package func redact(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "<redacted>") }
    }

    /// A body with every secret replaced, for showing its first bytes.
    package func redact(_ body: Data) -> Data {
        secrets.isEmpty ? body : Data(redact(String(decoding: body, as: UTF8.self)).utf8)
    }
}

