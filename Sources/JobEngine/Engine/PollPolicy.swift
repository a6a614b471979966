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
    /// What a user trades (`poll.mode`): requests against how soon a change shows.
    public enum Mode: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// Under half a fixed poller's requests: a change a little later, a failure within ~15 s.
        case frugal
        /// A fixed poller's promptness, every failure within 10 s, failures first (about half
        /// its requests on the benchmark's rollout).
        case balanced
        /// A fixed poller's delays: every running job asked at the interval, as far as the
        /// budget allows.
        case prompt

        public var description: String { rawValue }
    }

    /// How much later than the base interval each phase is asked (× the base).
    public struct Pace: Sendable, Hashable {
        public var initial: Double
        /// Near the typical end, or in the window where siblings ended: the likeliest change.
        public var due: Double
        /// In a part's first minutes, when quota and stock failures come.
        public var young: Double
        public var early: Double
        public var midway: Double
        /// Awaiting payment: a person's act, not the cloud's.
        public var pendingPayment: Double
        /// The most that unchanged answers multiply an early or midway interval by.
        public var patience: Double
        /// The same for a job still in INIT (a cluster's nodes can wait minutes to start).
        public var initialPatience: Double
    }

    public var mode: Mode
    public var pace: Pace
    /// Elapsed ÷ typical within this band: a change is due.
    public var dueBand: ClosedRange<Double> = 0.7...1.5
    /// The same for an end that progress points at.
    public var progressBand: ClosedRange<Double> = 0.9...1.5
    /// Below this, everything is early.
    public var earlyBelow = 0.4
    /// A part this young (seconds running) is where quota and stock failures come.
    public var youngFor: TimeInterval = 180
    /// After this many answers in a row that each moved several sub-jobs, changes come faster
    /// than polls (a big batch's servers ending): a due job is asked at the interval, not sooner.
    /// Sooner would only shorten the wait on changes that come anyway, at more requests than
    /// a fixed poller's.
    public var changeStream = 3
    /// A sub-job expected to leave INIT (its siblings' stagger) is asked this long after.
    public var startMargin: TimeInterval = 0.5
    /// Past this multiple of the typical duration a job is flagged slow (`poll.slow_factor`).
    public var slowFactor: Double = 2
    /// No job waits longer than this between polls, whatever else holds (a `Retry-After` too).
    public var longest: Duration = .seconds(300)
    /// Elapsed ÷ typical from which a job counts as stuck (the long patience).
    public var farOverdue = 3.0
    /// Until this multiple of its kind's typical duration, an overdue part is asked as one due.
    /// Only `prompt` watches so long: a kind's figure is a guess, and the others watch what is
    /// known, a part that outruns its siblings (`outrunSiblingsUntil`).
    public var watchOverdueUntil = 2.0
    /// A part this many times its siblings' longest successful run is still due: one that
    /// outruns them is likelier to fail than to end.
    public var outrunSiblingsUntil = 1.5
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

    public init(mode: Mode = .balanced) {
        self.mode = mode
        switch mode {
        case .frugal:
            pace = Pace(initial: 0.5, due: 1, young: 1.5, early: 3, midway: 2, pendingPayment: 6, patience: 3, initialPatience: 4)
            watchOverdueUntil = 1.5
        case .balanced:
            pace = Pace(initial: 0.5, due: 0.8, young: 1, early: 2.5, midway: 2, pendingPayment: 3, patience: 3, initialPatience: 3)
            // Past a kind's typical end by little is a slow run (the figure is a guess); past the
            // siblings' longest successes is what is watched (`outrunSiblingsUntil`).
            watchOverdueUntil = 1.5
        case .prompt:
            pace = Pace(initial: 0.5, due: 0.8, young: 1, early: 1, midway: 1, pendingPayment: 1, patience: 1, initialPatience: 2)
            watchOverdueUntil = farOverdue
        }
    }

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
        /// Something is near its typical end (or where its siblings ended): a change is due.
        case due
        /// Something started a short while ago: failures (quota, stock) come now, if at all.
        case young
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
        /// The shortest and longest run of its finished siblings: their ends came in there.
        public var siblingsEnded: ClosedRange<TimeInterval>?
        /// `typical` is the end its progress (IMS `process_percent`) points at, at the rate
        /// seen so far: nearer the truth than a duration of its kind.
        public var fromProgress: Bool

        public init(elapsed: TimeInterval, typical: TimeInterval, siblingsEnded: ClosedRange<TimeInterval>? = nil, fromProgress: Bool = false) {
            self.elapsed = elapsed
            self.typical = typical
            self.siblingsEnded = siblingsEnded
            self.fromProgress = fromProgress
        }

        var fraction: Double { elapsed / typical }
    }

    /// Near its typical end, or within the spread of its siblings' ends (from a little before
    /// the quickest to a little after the slowest).
    func isDue(_ part: Part) -> Bool {
        if (part.fromProgress ? progressBand : dueBand).contains(part.fraction) { return true }
        guard let ended = part.siblingsEnded else { return false }
        // Failures first: a part running longer than its siblings' successes is where a
        // failure is likeliest, so it stays due a while past them.
        return part.elapsed >= 0.9 * ended.lowerBound && part.elapsed <= max(1.1 * ended.upperBound, outrunSiblingsUntil * ended.upperBound)
    }

    /// Seconds until the first part's change comes due (its band, or its siblings' window),
    /// counting only parts whose window is still ahead; nil when none is.
    public func dueIn(_ parts: [Part]) -> TimeInterval? {
        parts.compactMap { part -> TimeInterval? in
            var start = (part.fromProgress ? progressBand : dueBand).lowerBound * part.typical
            if let ended = part.siblingsEnded { start = min(start, 0.9 * ended.lowerBound) }
            return start > part.elapsed ? start - part.elapsed : nil
        }.min()
    }

    /// - Parameters:
    ///   - parts: the unfinished parts whose typical duration is known.
    ///   - starting: a part is still in INIT, which it leaves soon.
    ///   - sinceStart: seconds since an answer showed a part leave INIT.
    ///   - ofBatch: the parts are a batch's sub-jobs. Only they are young: quota and stock
    ///     fail some servers of a batch minutes into it, while a single job's request was
    ///     checked for them when it was accepted.
    public func phase(of parts: [Part], starting: Bool = false, sinceStart: TimeInterval? = nil, ofBatch: Bool = false) -> Phase {
        if starting { return .due }
        guard !parts.isEmpty else { return .unknown }
        if parts.contains(where: isDue) { return .due }
        if ofBatch, parts.contains(where: { $0.elapsed < youngFor }) || (sinceStart ?? .infinity) < youngFor { return .young }
        if parts.allSatisfy({ $0.fraction < earlyBelow }) { return .early }
        if let least = parts.min(by: { $0.fraction < $1.fraction }), least.fraction > dueBand.upperBound {
            return .overdue(least.fraction, late: least.elapsed - least.typical)
        }
        return .midway
    }

    /// The factor on the base interval.
    /// - Parameters:
    ///   - unchanged: answers in a row that moved no status.
    ///   - changing: answers in a row that each moved several sub-jobs (`changeStream`).
    public func factor(status: JobStatus, phase: Phase, unchanged: Int, changing: Int = 0) -> Double {
        let hurry: Double
        switch (status.outcome, phase) {
        case (.initial, _): hurry = pace.initial
        case (.pendingPayment, _): hurry = pace.pendingPayment
        case (.running, .due) where changing >= changeStream: hurry = max(pace.due, 1)
        case (.running, .due): hurry = pace.due
        case (.running, .young): hurry = pace.young
        case (.running, .early): hurry = pace.early
        case (.running, .midway): hurry = pace.midway
        // Failures first: a little past its end a part is as likely to fail as to end.
        case (.running, .overdue(let multiple, _)) where multiple < watchOverdueUntil: hurry = pace.due
        case (.running, .overdue(let multiple, _)): hurry = min(6, multiple)
        default: hurry = 1
        }
        // Patience: the same answer again and again is asked for less and less often — but
        // not while a change is due or failures come, when the next answer is the likely one
        // to differ. Jobs far overdue or in a state no document lists are the ones that sit
        // still for hours.
        switch (status.outcome, phase) {
        case (.initial, _): return hurry * min(pace.initialPatience, Self.doubling(unchanged))
        case (.pendingPayment, _), (_, .due), (_, .young): return hurry
        case (.unknown, _): return hurry * min(30, Self.doubling(unchanged))
        case (_, .overdue(let multiple, _)) where multiple >= farOverdue: return hurry * min(30, Self.doubling(unchanged))
        case (_, .overdue(let multiple, _)) where multiple < watchOverdueUntil: return hurry
        default: return hurry * min(pace.patience, Self.doubling(unchanged))
        }
    }

    /// 1 for the first two unchanged answers, then doubling.
    private static func doubling(_ unchanged: Int) -> Double {
        Double(1 << min(max(0, unchanged - 2), 10))
    }

    /// When to ask again after a good answer that is not terminal.
    /// - Parameters:
    ///   - base: the interval, or the budget's even spacing when that is longer.
    ///   - nextStart: seconds until a sub-job is expected to leave INIT, from its siblings'
    ///     stagger: asked just after (never sooner than an INIT job is), however early the
    ///     other parts are.
    ///   - dueIn: seconds until a part's change comes due (`dueIn(_:)`): patience never
    ///     carries a poll past the start of that window.
    public func interval(
        base: Duration, status: JobStatus, phase: Phase, unchanged: Int, changing: Int = 0, nextStart: TimeInterval? = nil, dueIn: TimeInterval? = nil
    ) -> Duration {
        var wait = base * factor(status: status, phase: phase, unchanged: unchanged, changing: changing)
        if case .overdue(_, let late) = phase { wait = max(wait, .seconds(late * lateShare)) }
        if let nextStart { wait = min(wait, max(base * pace.initial, .seconds(max(0, nextStart) + startMargin))) }
        if let dueIn, status.outcome == .running { wait = min(wait, max(base * pace.due, .seconds(dueIn))) }
        return min(wait, max(base, longest))
    }

    /// 0 most urgent … 3 least: never read, then INIT and due, then running, then the rest.
    public func urgency(status: JobStatus?, phase: Phase) -> Int {
        switch status?.outcome {
        case nil: 0
        case .initial?: 1
        case .running?: phase == .due || phase == .young ? 1 : 2
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
