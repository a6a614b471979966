import JobModel

/// Why the state cannot be read or saved: one line that says what and where, and what to do.
public struct StateProblem: Error, UsageProblem, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
