import Foundation
import JobModel
/// The engine's private bookkeeping for one watched job.
struct JobRecord: Sendable {
    var state: JobState
    /// Where its requests go; `nil` when no loaded profile reaches it (restored, detached).
    let route: JobRoute?
    /// Engine time of the last good answer.
    var readElapsed: Duration?
    /// When the job may be asked again; `nil` never (terminal).
    var nextDue: Duration?
    /// The interval the last good answer set: what the job's polls after the next are
    /// expected at (a lookup must not hold them back either).
    var lastInterval: Duration?
    /// How much of a base-interval poller this job is (1, or less when it is asked less
    /// often): its share of the budget's demand.
    var pollWeight = 1.0
    /// Consecutive transient failures, for backoff.
    var failures = 0
    /// Good answers in a row that moved no status (progress and times may have).
    var unchangedAnswers = 0
    /// Good answers in a row that each moved two sub-jobs or more (`PollPolicy.changeStream`).
    var changingAnswers = 0
    /// When an answer last showed a part leaving INIT (sooner than the one before it did):
    /// its first minutes are when quota and stock failures come. Begin times cannot say it:
    /// a batch's sub-jobs carry the batch's.
    var lastStartSeen: Date?
    var inFlight = false
    /// Polled for another process that holds no lease on its budget: saved, never shown.
    var isGuest = false

    init(entry: WatchEntry, key: JobKey, route: JobRoute?, dueAt: Duration) {
        state = JobState(entry: entry, key: key)
        self.route = route
        nextDue = dueAt
    }
}
