import JobModel
/// A problem with what the user gave (flags, config, job IDs): exit 64, one line.
struct UsageError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }

    /// `what — hint`, unless `what` (another error's text) already says how to fix it: one
    /// line has one ` — `.
    init(_ what: String, hint: String) {
        self.description = what.contains(" — ") ? what : "\(what) — \(hint)"
    }
}
