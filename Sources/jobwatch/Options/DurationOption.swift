import JobModel
import JobSession

/// Parses a duration flag (`90s`, `5m`, `1h`) or explains what is wrong with it.
enum DurationOption {
    /// Far beyond any use, and far below where sleeping for it (in Int64 nanoseconds) traps.
    static let longest: Duration = .seconds(365 * 86_400)

    static func parse(_ text: String, flag: String, longest: Duration = Self.longest) throws -> Duration {
        guard let duration = DurationText.parse(text), duration > .zero else {
            throw UsageError("\(flag) \(text.debugDescription) is not a duration — use e.g. 90s, 5m, 1h")
        }
        guard duration <= longest else {
            throw UsageError("\(flag) \(text.debugDescription) is too long — give at most \(DurationText.format(longest))")
        }
        return duration
    }
}
