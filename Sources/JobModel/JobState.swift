import Foundation

/// Everything known about one watched job at a moment. Immutable once published.
public struct JobState: Sendable, Hashable {
    public var entry: WatchEntry
    /// Where the job lives.
    public var key: JobKey
    /// The last good answer; kept through errors, 404s after success, and restarts.
    public var job: Job? {
        get { jobBox?.value }
        set { jobBox = newValue.map(Boxed.init) }
    }
    // Boxed: snapshots copy every job's state, and 100k inline jobs cost 200 bytes each a copy.
    private var jobBox: Boxed<Job>?
    /// When `job` was read (wall clock).
    public var readAt: Date?
    /// When the last request (good or bad) finished.
    public var attemptedAt: Date?
    /// The last request's error; `nil` once a request succeeds again.
    public var lastError: APIError? {
        get { errorBox?.value }
        set { errorBox = newValue.map(Boxed.init) }
    }
    private var errorBox: Boxed<APIError>?
    public var health: JobHealth
    /// Running far past the typical duration of its siblings or of its job type.
    public var isSlow: Bool
    /// When the engine means to ask again (`nil`: never, it is terminal or stopped).
    public var nextPollAt: Date?
    /// Requests in a row that failed (0 after a good answer).
    public var failedAttempts = 0
    /// A request for it is on its way now.
    public var requestInFlight = false
    /// Why a `.detached` job is not polled.
    public var detachedReason: String?
    /// Servers and volumes its entities and its sub-jobs' name, by ID, once looked up.
    public var resources: [String: Resource] = [:]

    public init(
        entry: WatchEntry, key: JobKey, job: Job? = nil, readAt: Date? = nil, attemptedAt: Date? = nil,
        lastError: APIError? = nil, health: JobHealth = .pending, isSlow: Bool = false, nextPollAt: Date? = nil
    ) {
        self.entry = entry
        self.key = key
        self.jobBox = job.map(Boxed.init)
        self.readAt = readAt
        self.attemptedAt = attemptedAt
        self.errorBox = lastError.map(Boxed.init)
        self.health = health
        self.isSlow = isSlow
        self.nextPollAt = nextPollAt
    }

    public var status: JobStatus? { job?.status }
    public var isTerminal: Bool { job?.status.isTerminal ?? false }

    /// Nothing more will come for it on its own: finished, or it cannot be read (not found,
    /// credential refused, route stopped, not polled).
    public var isSettled: Bool {
        isTerminal || health == .notFound || health == .authStopped || health == .routeStopped || health == .detached
    }

    /// Its elapsed time on screen still runs: not finished (or never read), or finished
    /// without an end time (its age stands for it).
    public var hasRunningClock: Bool {
        guard let job else { return !isTerminal }
        return !job.status.isTerminal || (job.beginTime != nil && job.endTime == nil)
    }

    /// It failed, or one of its sub-jobs did.
    public var isFailing: Bool {
        job?.status == .fail || failedSubJobs > 0
    }

    /// Reading it has a problem worth a line of its own: not found, stopped, or a failed
    /// request behind the state shown.
    public var hasReadProblem: Bool {
        switch health {
        case .notFound, .authStopped, .routeStopped: true
        case .pending, .stale, .purged: lastError != nil
        case .fresh, .detached: false
        }
    }

    /// It cannot be read: never read and not found, credential refused, or not polled and
    /// not finished. `get` and `wait` exit 3 for such a job.
    public var isUnreadable: Bool {
        job == nil || health == .authStopped || health == .routeStopped || health == .notFound || (health == .detached && !isTerminal)
    }

    /// Sub-jobs that are slow (running far past their finished siblings' typical duration).
    public var slowSubJobIDs: Set<String> = []

    /// Sub-jobs in FAIL, and finished ones, counted once per snapshot so views need not scan them.
    public var failedSubJobs = 0
    public var finishedSubJobs = 0

    /// The resources a job or sub-job of this state names that have been looked up, servers first.
    public func resources(of job: Job) -> [Resource] {
        ResourceReference.named(by: job).compactMap { resources[$0.id] }
    }

    /// The first of them that has a name: what a row's label shows.
    public func namedResource(of job: Job) -> Resource? {
        resources(of: job).first(where: \.hasName)
    }
}
