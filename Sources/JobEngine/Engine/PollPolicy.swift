import Foundation
import JobModel

/// Every polling decision that needs no I/O, as one pure value with one set of thresholds:
/// where a job stands against the typical duration of its kind, how soon it is asked again,
/// which jobs go first, when it is slow, and what each kind of failure does. The engine holds
/// one (`EngineSettings.policy`) and only carries its answers out.
///
/// A poll is worth making when an answer is likely to differ: soon after INIT, when a running
/// job (or one of a batch's sub-jobs) nears the duration such jobs usually take, and rarely when
/// it is far past it or keeps answering the same.
public struct PollPolicy: Sendable, Hashable {
    /// Elapsed ÷ typical within this band: a change is due.
    public var dueBand: ClosedRange<Double> = 0.75...1.5
    /// Below this, everything is early.
    public var earlyBelow = 0.4
    /// Past this multiple of the typical duration a job is flagged slow (`poll.slow_factor`).
    public var slowFactor: Double = 2
    /// No job waits longer than this between polls, whatever else holds (a `Retry-After` too).
    public var longest: Duration = .seconds(300)
    /// Elapsed ÷ typical from which a job counts as stuck (the long patience).
    public var farOverdue = 3.0
    /// A job past its typical end waits at least this share of the time it is past it: one
    /// 30 minutes late waits 3 minutes, one 2 minutes late 12 s. A job that runs late is
    /// likely to run later still, by about as long again; a default typical duration that is
    /// short of a real run makes a job late by little, and it is still asked often.
    public var lateShare = 0.1
    /// The longest per-job backoff after transient errors.
    public var backoffCap: Duration = .seconds(60)
    /// How often a job that answered 404 (or a permanent error) is asked again.
    public var notFoundRetry: Duration = .seconds(300)
    /// The longest wait before asking again for a job that has only ever answered 404.
    public var notSeenRetry: Duration = .seconds(60)

    public init() {}

    /// When a 404 is asked again. A job seen before was purged: rarely. One never seen may be
    /// just submitted (a gateway can answer 404 for the first seconds), so it is asked again
    /// soon and then less often: the base interval, doubling per 404, up to `notSeenRetry`
    /// (a mistyped ID costs a request a minute; a job that shows up late is seen within one).
    public func notFoundDelay(seenBefore: Bool, notFoundAnswers: Int, base: Duration) -> Duration {
        guard !seenBefore else { return notFoundRetry }
        let doublings = min(max(0, notFoundAnswers - 1), 16)
        return min(base * (1 << doublings), max(base, notSeenRetry))
    }

    /// Where a job's unfinished parts stand against their typical duration.
    public enum Phase: Sendable, Hashable {
        /// Nothing known to compare with.
        case unknown
        /// Everything well before its typical end: no change expected yet.
        case early
        /// Something is near its typical end: a change is due.
        case due
        /// Everything is far past its typical end: the least overdue part's multiple, and by
        /// how many seconds that part is past its typical end.
        case overdue(Double, late: TimeInterval)
        case midway
    }

    /// One unfinished part of a job (a batch's sub-job, else the job itself).
    public struct Part: Sendable, Hashable {
        public var elapsed: TimeInterval
        /// The typical duration of such parts (> 0).
        public var typical: TimeInterval

        public init(elapsed: TimeInterval, typical: TimeInterval) {
            self.elapsed = elapsed
            self.typical = typical
        }

        var fraction: Double { elapsed / typical }
    }

    /// - Parameters:
    ///   - parts: the unfinished parts whose typical duration is known.
    ///   - starting: a part is still in INIT, which it leaves soon.
    public func phase(of parts: [Part], starting: Bool = false) -> Phase {
        if starting { return .due }
        guard !parts.isEmpty else { return .unknown }
        if parts.contains(where: { dueBand.contains($0.fraction) }) { return .due }
        if parts.allSatisfy({ $0.fraction < earlyBelow }) { return .early }
        if let least = parts.min(by: { $0.fraction < $1.fraction }), least.fraction > dueBand.upperBound {
            return .overdue(least.fraction, late: least.elapsed - least.typical)
        }
        return .midway
    }

    /// The factor on the base interval.
    /// - Parameter unchanged: answers in a row that were the same as the one before.
    public func factor(status: JobStatus, phase: Phase, unchanged: Int) -> Double {
        let hurry: Double
        switch (status.outcome, phase) {
        case (.initial, _): hurry = 0.5
        case (.running, .due): hurry = 0.95
        case (.running, .early): hurry = 2
        case (.running, .midway): hurry = 1.5
        case (.running, .overdue(let multiple, _)): hurry = min(6, multiple)
        default: hurry = 1
        }
        // Patience: the same answer again and again is asked for less and less often — but
        // not while a change is due, when the next answer is the likely one to differ. Jobs
        // far overdue or in a state no document lists are the ones that sit still for hours.
        let settled: Bool
        switch (status.outcome, phase) {
        case (.unknown, _), (.pendingPayment, _): settled = true
        // A little past the typical end is a slow run, about to finish: only far past it is
        // a job that sits still (a default typical duration is often short of a real run).
        case (_, .overdue(let multiple, _)) where multiple >= farOverdue: settled = true
        default: settled = false
        }
        let patience = phase == .due || status == .initial ? 1 : min(settled ? 30 : 3, Double(1 << min(max(0, unchanged - 2), 10)))
        return hurry * patience
    }

    /// When to ask again after a good answer that is not terminal.
    /// - Parameter base: the interval, or the budget's even spacing when that is longer.
    public func interval(base: Duration, status: JobStatus, phase: Phase, unchanged: Int) -> Duration {
        var wait = base * factor(status: status, phase: phase, unchanged: unchanged)
        if case .overdue(_, let late) = phase { wait = max(wait, .seconds(late * lateShare)) }
        return min(wait, max(base, longest))
    }

    /// 0 most urgent … 3 least: never read, then INIT and due, then running, then the rest.
    public func urgency(status: JobStatus?, phase: Phase) -> Int {
        switch status?.outcome {
        case nil: 0
        case .initial?: 1
        case .running?: phase == .due ? 1 : 2
        default: 3
        }
    }

    public func isSlow(elapsed: TimeInterval, typical: TimeInterval) -> Bool {
        elapsed > slowFactor * typical
    }

    /// What a failed request does to the job, its credential and its endpoint.
    public enum Reaction: Sendable, Hashable {
        /// 429: the whole endpoint waits (`Retry-After`, at most `longest`; else backoff).
        case throttle(retryAfter: Duration?)
        /// 401/403: the credential stops at once (5 failed AK/SK attempts lock the AK).
        case stopCredential
        /// A certificate not trusted, a proxy login refused: every request to that endpoint
        /// would fail alike, so it stops until the configuration changes (or `r`).
        case stopRoute
        /// 404: not found (never seen) or purged (seen before); asked again rarely.
        case notFound
        /// 5xx, timeouts, resets, answers that are not jobs: backoff for this job.
        case backoff
        /// Will not get better by retrying: asked again rarely.
        case permanent
    }

    public func reaction(to error: APIError) -> Reaction {
        switch error.category {
        case .throttled: .throttle(retryAfter: error.retryAfter.map { min(Duration.seconds($0), longest) })
        case .unauthorized, .forbidden: .stopCredential
        case .notFound: .notFound
        case .transient: .backoff
        case .permanent: .permanent
        case .misconfigured: .stopRoute
        }
    }
}
