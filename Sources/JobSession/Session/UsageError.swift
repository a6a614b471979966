import JobModel
/// A problem with what the user gave (flags, config, job IDs): exit 64, one line.
public struct UsageError: UsageProblem, Sendable, Hashable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }

    /// `what — hint`, unless `what` (another error's text) already says how to fix it: one
    /// line has one ` — `.
    public init(_ what: String, hint: String) {
        self.description = what.contains(" — ") ? what : "\(what) — \(hint)"
    }
}
