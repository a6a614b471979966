import Foundation
import JobModel

/// Short human durations: `42s`, `9m07s`, `3h05m`, `2d04h` — the dashboard's own format, for
/// the plain outputs (`get`, `wait`) too.
public enum ElapsedText {
    public static func format(_ seconds: TimeInterval) -> String {
        ClockText.duration(seconds)
    }
}
