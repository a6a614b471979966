import Foundation
import JobModel

/// The one warning about clock skew, for every mode.
public enum ClockSkewText {
    public static func warning(_ skew: TimeInterval) -> String {
        "the local clock is \(ClockText.duration(abs(skew))) \(skew > 0 ? "ahead of" : "behind") the server's — signatures are refused from 15 minutes off: fix the clock (NTP)"
    }
}
