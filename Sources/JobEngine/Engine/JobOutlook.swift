import Foundation

/// What one scheduling decision reads from a job's latest answer, in one pass over its parts:
/// where they stand, when the next one leaves INIT, and when the next change comes due.
struct JobOutlook: Sendable, Hashable {
    var phase: PollPolicy.Phase
    /// Seconds until a sub-job is expected to leave INIT (`BatchStagger`).
    var nextStart: TimeInterval?
    /// Seconds until a part's change comes due (`PollPolicy.dueIn`).
    var dueIn: TimeInterval?
}
