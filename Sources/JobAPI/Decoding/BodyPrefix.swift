import Foundation
import JobModel

/// The first bytes of a body, made safe to show on one line.
enum BodyPrefix {
    static func of(_ body: Data, limit: Int = 80) -> String {
        let text = String(decoding: body.prefix(limit * 4), as: UTF8.self)
        let oneLine = text.unicodeScalars.map { scalar -> String in
            scalar.properties.generalCategory == .control ? " " : String(scalar)
        }.joined()
        let collapsed = oneLine.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return collapsed.count > limit ? String(collapsed.prefix(limit)) + "…" : collapsed
    }
}
