import JobModel
/// A secret string (SK, security token, IAM token) that never prints itself.
///
/// `description`, `debugDescription` and reflection all show `<redacted>`; only code in this
/// package reads `exposed`, to sign or to send it.
public struct Secret: Sendable, Hashable {
    package let exposed: String

    public init(_ value: String) {
        self.exposed = value
    }

    public var isEmpty: Bool { exposed.isEmpty }
}

extension Secret: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
