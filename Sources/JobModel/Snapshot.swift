import Foundation

/// Counts of jobs and sub-jobs by status.
public struct StatusCounts: Sendable, Hashable {
    public var initial = 0
    public var running = 0
    public var success = 0
    public var fail = 0
    /// Unknown statuses, PENDING_PAYMENT, and jobs never read.
    public var other = 0

    public init() {}

    public var total: Int { initial + running + success + fail + other }
    public var finished: Int { success + fail }

    public mutating func add(_ status: JobStatus?) {
        switch status {
        case .initial?: initial += 1
        case .running?: running += 1
        case .success?: success += 1
        case .fail?: fail += 1
        default: other += 1
        }
    }

    /// Takes back one `add(status)`.
    package mutating func remove(_ status: JobStatus?) {
        switch status {
        case .initial?: initial -= 1
        case .running?: running -= 1
        case .success?: success -= 1
        case .fail?: fail -= 1
        default: other -= 1
        }
    }

    package mutating func formSum(_ other: StatusCounts) {
        initial += other.initial
        running += other.running
        success += other.success
        fail += other.fail
        self.other += other.other
    }

    package mutating func formDifference(_ other: StatusCounts) {
        initial -= other.initial
        running -= other.running
        success -= other.success
        fail -= other.fail
        self.other -= other.other
    }
}

/// The request budget of one credential.
public struct BudgetUse: Sendable, Hashable {
    /// The credential's non-secret identity (`AK HPUA…`, `IAM token 3f2a…`).
    public var credential: String
    /// `Endpoint.identity` of the host it is spent at.
    public var endpoint: String
    /// Requests made in the last minute.
    public var usedLastMinute: Int
    /// Requests allowed per minute now (lowered after a 429 that states the quota).
    public var limitPerMinute: Double
    /// Polling stopped for this credential (401/403), with the reason.
    public var stoppedReason: String?
    /// When each request counted in `usedLastMinute` leaves the minute, oldest first: the
    /// count can fall on screen while no new snapshot comes (an idle dashboard).
    public var leavesWindowAt: [Date]
    /// Another jobwatch process polls this budget (it holds the lease) and this one reads its
    /// answers: that process's ID.
    public var polledByProcess: Int?
    /// The limit before a slow-down, while 429s that this budget's own rate does not explain
    /// (others spend the quota) keep it lower.
    public var slowedFrom: Double?

    public init(credential: String, endpoint: String, usedLastMinute: Int, limitPerMinute: Double, stoppedReason: String? = nil, leavesWindowAt: [Date] = []) {
        self.credential = credential
        self.endpoint = endpoint
        self.usedLastMinute = usedLastMinute
        self.limitPerMinute = limitPerMinute
        self.stoppedReason = stoppedReason
        self.leavesWindowAt = leavesWindowAt
    }

    /// Requests in the minute ending at `date` (at or after the snapshot).
    public func used(at date: Date) -> Int {
        max(0, usedLastMinute - leavesWindowAt.count { $0 <= date })
    }

    /// When the count next falls after `date`, if it does.
    public func nextFall(after date: Date) -> Date? {
        leavesWindowAt.first { $0 > date }
    }
}

/// What the engine knows at one moment: immutable, cheap to pass between tasks.
public struct Snapshot: Sendable, Hashable {
    /// Wall-clock time the snapshot was made.
    public var takenAt: Date
    /// Every watched job, in the order it was added.
    public var jobs: [JobState] {
        didSet { digest = JobsDigest(jobs) }
    }
    /// Counts, flags and indices over `jobs`, made with them (`isAllDone` reads it).
    public private(set) var digest: JobsDigest
    /// Top-level jobs by status.
    public var jobCounts: StatusCounts
    /// Sub-jobs by status (a job without sub-jobs counts as one).
    public var subJobCounts: StatusCounts
    /// Estimated time until everything finishes, from observed durations.
    public var eta: TimeInterval?
    /// Unfinished jobs and sub-jobs past the typical duration of their kind: they have no
    /// estimate, and `eta` leaves them out.
    public var overdue = 0
    public var budgets: [BudgetUse]
    /// The last error per endpoint (`Endpoint.identity`), while it lasts.
    public var endpointErrors: [String: APIError]
    /// Local clock minus the server's `Date`, when known (positive: local is ahead).
    public var clockSkew: TimeInterval?
    /// When the last request finished.
    public var lastPollAt: Date?
    /// Whole-endpoint pause after a 429, until this time.
    public var throttledUntil: Date?
    /// The `Retry-After` the server gave for that pause, in seconds (the pause is capped).
    public var throttleAskedFor: TimeInterval?
    /// Why the last save of the state file failed (with the path and the fix), while it fails.
    public var stateSaveProblem: String?
    /// Events dropped from the bounded event log, this session and before.
    public var droppedEvents: Int
    /// Why names are not looked up for a credential (a 403), one line each.
    public var nameNotices: [String] = []
    /// Name lookups in flight or due now (`get` waits for them before it prints).
    public var lookupsOutstanding = 0

    public init(
        takenAt: Date, jobs: [JobState] = [], jobCounts: StatusCounts = StatusCounts(),
        subJobCounts: StatusCounts = StatusCounts(), eta: TimeInterval? = nil, budgets: [BudgetUse] = [],
        endpointErrors: [String: APIError] = [:], clockSkew: TimeInterval? = nil,
        lastPollAt: Date? = nil, throttledUntil: Date? = nil, throttleAskedFor: TimeInterval? = nil,
        stateSaveProblem: String? = nil, droppedEvents: Int = 0
    ) {
        self.init(
            takenAt: takenAt, jobs: jobs, digest: JobsDigest(jobs), jobCounts: jobCounts, subJobCounts: subJobCounts, eta: eta,
            budgets: budgets, endpointErrors: endpointErrors, clockSkew: clockSkew, lastPollAt: lastPollAt,
            throttledUntil: throttledUntil, throttleAskedFor: throttleAskedFor, stateSaveProblem: stateSaveProblem,
            droppedEvents: droppedEvents)
    }

    /// With the digest of `jobs` already made (the engine keeps it current as jobs change).
    package init(
        takenAt: Date, jobs: [JobState], digest: JobsDigest, jobCounts: StatusCounts,
        subJobCounts: StatusCounts, eta: TimeInterval?, budgets: [BudgetUse],
        endpointErrors: [String: APIError], clockSkew: TimeInterval?,
        lastPollAt: Date?, throttledUntil: Date?, throttleAskedFor: TimeInterval?,
        stateSaveProblem: String?, droppedEvents: Int
    ) {
        self.takenAt = takenAt
        self.jobs = jobs
        self.digest = digest
        self.jobCounts = jobCounts
        self.subJobCounts = subJobCounts
        self.eta = eta
        self.budgets = budgets
        self.endpointErrors = endpointErrors
        self.clockSkew = clockSkew
        self.lastPollAt = lastPollAt
        self.throttledUntil = throttledUntil
        self.throttleAskedFor = throttleAskedFor
        self.stateSaveProblem = stateSaveProblem
        self.droppedEvents = droppedEvents
    }

    /// Finished sub-jobs over all sub-jobs, 0…1.
    public var progress: Double {
        subJobCounts.total == 0 ? 0 : Double(subJobCounts.finished) / Double(subJobCounts.total)
    }

    /// Every watched job is terminal (or can no longer be read).
    public var isAllDone: Bool {
        !jobs.isEmpty && digest.settled == jobs.count
    }

    /// The index of the job with this key.
    public func index(of key: JobKey) -> Int? {
        digest.positions[key]
    }

    /// Skew is reported from 5 minutes on (the gateway refuses signatures 15 minutes off).
    public var clockSkewWarning: Bool {
        guard let clockSkew else { return false }
        return abs(clockSkew) >= 300
    }
}
