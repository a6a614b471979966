import JobModel
/// Why a config file cannot be used, as one line that names the file, the place in it and
/// the fix: `config.json: profiles.prod.regoin: unknown key — did you mean region?`.
///
/// It never contains a value from the file that could be a secret.
public struct ConfigError: UsageProblem, Sendable, Hashable {
    /// The file as the user named it.
    public var fileName: String
    /// Where in the file: a key path (`profiles.prod.region`, `jobs[2].id`) or `line 3`;
    /// `nil` for the file as a whole.
    public var location: String?
    /// What is wrong and, after ` — `, what to do.
    public var message: String

    public init(fileName: String, location: String?, message: String) {
        self.fileName = fileName
        self.location = location
        self.message = message
    }

    public var description: String {
        [fileName, location, message].compactMap { $0 }.joined(separator: ": ")
    }
}
