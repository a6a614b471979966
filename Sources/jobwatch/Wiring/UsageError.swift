import JobModel
/// A problem with what the user gave (flags, config, job IDs): exit 64, one line.
struct UsageError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
