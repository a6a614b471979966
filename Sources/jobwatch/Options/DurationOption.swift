import JobModel
import JobEngine

/// Parses a duration flag (`90s`, `5m`, `1h`) or explains what is wrong with it.
enum DurationOption {
    static func parse(_ text: String, flag: String) throws -> Duration {
        guard let duration = DurationText.parse(text), duration > .zero else {
            throw UsageError("\(flag) \(text.debugDescription) is not a duration — use e.g. 90s, 5m, 1h")
        }
        return duration
    }
}
