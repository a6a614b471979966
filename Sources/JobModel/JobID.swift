/// Job IDs are opaque (32 hex characters, UUIDs, …): only what can never be one is refused.
public enum JobID {
    public static let maxBytes = 128

    /// `nil` when valid, else what is wrong with it, in a few words.
    public static func problem(with id: String) -> String? {
        if id.isEmpty { return "is empty" }
        if id.utf8.count > maxBytes { return "is longer than \(maxBytes) bytes" }
        if id.unicodeScalars.contains(where: { $0.properties.isWhitespace }) { return "contains whitespace" }
        if id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
            return "contains control characters"
        }
        return nil
    }

    /// Characters of a bad ID echoed in an error: enough to recognise it, never a screenful.
    public static let echoLimit = 40

    /// The ID as an error echoes it: quoted and escaped, cut after `echoLimit` characters
    /// (Unicode scalars, so combining marks cannot make one "character" huge), with its length.
    public static func quoted(_ id: String) -> String {
        guard id.unicodeScalars.count > echoLimit else { return id.debugDescription }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: id.unicodeScalars.prefix(echoLimit))
        var head = String(scalars).debugDescription
        head.removeLast()
        return "\(head)…\" (\(id.utf8.count) bytes)"
    }

    /// A short form for screens (`2c9e…2b4f`: Huawei job IDs share long prefixes, so head and
    /// tail tell them apart), with `~` where the terminal cannot draw `…`. Never for scripts.
    public static func short(_ id: String, unicode: Bool = true) -> String {
        id.count <= 12 ? id : "\(id.prefix(4))\(unicode ? "…" : "~")\(id.suffix(4))"
    }
}
