import Foundation
import JobModel
import JobAPI
import Logging

/// Turns a watch list into a stream of immutable snapshots, within a request budget.
///
/// One actor owns all polling state; requests run as child tasks and report back here.
/// See `Engine+Scheduling.swift` for what is asked when, `Engine+Results.swift` for how
/// answers and failures are taken in, `Engine+Snapshot.swift` for what is published.
public actor Engine {
    let clock: EngineClock
    let client: any JobFetching
    /// Where names of servers and volumes come from; `nil`: IDs only.
    let lookups: (any ResourceLooking)?
    let settings: EngineSettings
    let logger: Logger
    /// Where the state is kept and shared with the other jobwatch processes; `nil`: nowhere.
    let state: StateDatabase?
    let stateRole: StateRole
    /// What the next save writes.
    var unsaved = UnsavedState()
    var lastRetentionAt: Date?
    /// Budgets another process polls (it holds their lease): their jobs' answers are read
    /// from the state database.
    var followed: Set<BudgetKey> = []
    /// The process that polls each followed budget.
    var pollers: [BudgetKey: Int] = [:]
    /// This process among those sharing the state database.
    let stateHolder = "\(getpid())-\(UUID().uuidString.prefix(8).lowercased())"
    /// What this engine read of the database so far.
    var stateCursor = StateDatabase.Cursor()
    /// The jobs this process has said it wants answered.
    var wantsSaid: Set<JobKey> = []
    /// Other processes' wants this one polls for but cannot answer, told at the next round.
    var refusing: [StateDatabase.Want] = []
    /// Jobs `r` asked to read now whose budget another process polls: asked of it at the next round.
    var refreshing: Set<JobKey> = []
    /// This process held a lease after its last round (it must give it up when done).
    var holdsLeases = false
    /// Shared answers to take in as the run starts, said as first reads (`wait`).
    var adoptionAtStart: Adoption?
    /// Jobs added here whose save is being written: not on the shared watch list yet.
    var keysBeingWatched: Set<JobKey> = []
    /// When the log last said how long saves took (once a minute).
    var saveTimesSince: Date?

    /// Every profile's route to every service: worked out once, kept with each job.
    let routes: RouteTable
    var records: [JobKey: JobRecord] = [:]
    var order: [JobKey] = []
    /// Budgets, throttles, requests in flight and stops: what polls and lookups may send.
    var gate: RequestGate
    /// The last error of each host (`Endpoint.identity`), for the header.
    var endpointErrors: [String: APIError] = [:]
    var typical = TypicalDurations()
    var random: SeededRandom
    var clockSkew: TimeInterval?
    var lastPollAt: Date?
    /// Transitions seen, bounded; what dropped out counts this session and before.
    var log = EventLog()
    /// The last failure to save the state file, while saving fails (it is retried).
    var stateSaveProblem: String?
    /// The event log's bound (documented in the README).
    public static let maxEvents = EventLog.bound

    var snapshotSubscribers: [UUID: AsyncStream<Snapshot>.Continuation] = [:]
    var transitionSubscribers: [UUID: AsyncStream<Transition>.Continuation] = [:]
    var requests: [JobKey: Task<Void, Never>] = [:]
    var lookupTasks: [UUID: Task<Void, Never>] = [:]
    var names = LookupBook()
    var timer: Task<Void, Never>?
    /// When the armed timer fires (`nil`: none armed); tests on virtual time let its sleep
    /// begin before they move time.
    package internal(set) var timerDeadline: Duration?
    /// A schedule pass is asked for and the run loop has not taken it yet.
    var schedulePending = false
    var saveTask: Task<Void, Never>? {
        didSet { if saveTask == nil { saveDue = nil } }
    }
    /// When the pending save writes; past due while it writes (`nil`: none pending).
    var saveDue: Duration?
    /// Jobs by when they may be asked, each budget's demand, each job as snapshots show it:
    /// kept as jobs change, so an answer costs its job, not the watch list
    /// (`Engine+Bookkeeping.swift`).
    var polls = PollQueue()
    var demand = PollDemand()
    var book = SnapshotBook()
    /// `RequestGate.stopsChanged` as the book last saw it.
    var bookStops = 0
    var pacing = PublishPacing()
    /// The pending names not in flight, by when and in which batch they may be asked.
    var nameQueue = LookupQueue()
    let kicks: AsyncStream<Void>
    let kick: AsyncStream<Void>.Continuation

    public init(
        profiles: [ProfileTarget], client: any JobFetching, lookups: (any ResourceLooking)? = nil, settings: EngineSettings = EngineSettings(),
        clock: EngineClock = .continuous, state: StateDatabase? = nil, stateRole: StateRole = .sharedWatchList, restored: StateFile? = nil,
        stateProblem: String? = nil, stateCursor: StateDatabase.Cursor = .init(), logger: Logger = Logger(label: "jobwatch.engine", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        routes = RouteTable(profiles)
        gate = RequestGate(routes: routes.all, defaultLimit: settings.requestsPerMinute, maxConcurrencyPerHost: settings.maxConcurrencyPerEndpoint)
        self.client = client
        self.lookups = lookups
        self.settings = settings
        self.clock = clock
        self.state = state
        self.stateRole = stateRole
        stateSaveProblem = stateProblem
        // Other windows' changes are read from where the restored state was read.
        self.stateCursor = stateCursor
        self.logger = logger
        self.random = SeededRandom(seed: settings.randomSeed)
        (kicks, kick) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        if let restored {
            let cutoff = settings.retention.map { clock.date.addingTimeInterval(-$0.seconds) }
            let restoredState = Self.restoring(restored, routes: routes, now: clock.elapsed, cutoff: cutoff)
            records = restoredState.records
            order = restoredState.order
            log = restoredState.log
            typical = restoredState.typical
            names.known = restoredState.resources
        }
    }

    /// Polls until the calling task is cancelled.
    public func run() async {
        for key in order { noteResources(of: key) }
        publish()
        // Who polls what is settled before the first request: a second window sends none.
        var sharing: Task<Void, Never>?
        if let adoption = adoptionAtStart {
            adoptionAtStart = nil
            await adopt(adoption, sayingFirst: true)
        }
        if state != nil, settings.sharesState {
            await leaseRound()
            sharing = Task { await self.share() }
        }
        requestSchedule()
        for await _ in kicks {
            if Task.isCancelled { break }
            schedulePending = false
            schedule()
        }
        timer?.cancel()
        for task in requests.values { task.cancel() }
        for task in lookupTasks.values { task.cancel() }
        for task in requests.values { await task.value }
        for task in lookupTasks.values { await task.value }
        requests.removeAll()
        lookupTasks.removeAll()
        sharing?.cancel()
        await sharing?.value
        await saveBeforeStopping()
        await state?.leave(holder: stateHolder)
        await state?.close()
        publishNow()
        for continuation in snapshotSubscribers.values { continuation.finish() }
        for continuation in transitionSubscribers.values { continuation.finish() }
    }

    // MARK: - Watch list

    public enum AddProblem: UsageProblem, Sendable, Hashable {
        case badJobID(String, String)
        case unknownProfile(String)
        /// The profile names endpoints per service, and none for this one.
        case noEndpoint(profile: String, Service)
        /// An account's job whose path needs the domain ID (Global EIP), and the profile has none.
        case noDomainID(profile: String, Service)

        public var description: String {
            switch self {
            case .badJobID(let id, let problem): "job ID \(JobID.quoted(id)) \(problem) — give the job_id the API returned"
            case .unknownProfile(let name): "profile \(name.debugDescription) is not configured — add it to the config or pick another with --profile"
            case .noEndpoint(let name, let service): "profile \(name.debugDescription) has no endpoint for \(service.name) jobs — add \"\(service.name)\" to its endpoints, or give it a region or an endpoint for all"
            case .noDomainID(let name, let service): "\(service.name) jobs are the account's, and profile \(name.debugDescription) has no domain ID — pass --domain-id, set domain_id in the profile, or HUAWEICLOUD_SDK_DOMAIN_ID"
            }
        }
    }

    /// Adds jobs to the watch list; jobs already watched are ignored. Returns the keys added.
    @discardableResult
    public func add(_ entries: [WatchEntry]) throws(AddProblem) -> [JobKey] {
        var placed: [(WatchEntry, JobKey, JobRoute)] = []
        for entry in entries {
            if let problem = JobID.problem(with: entry.jobID) { throw .badJobID(entry.jobID, problem) }
            guard let profile = routes.profiles[entry.profile] else { throw .unknownProfile(entry.profile) }
            let key = profile.key(for: entry.jobID, service: entry.service)
            guard profile.serves(key.service) else { throw .noEndpoint(profile: profile.name, key.service) }
            if key.service.pathNamesDomain, key.projectID.isEmpty { throw .noDomainID(profile: profile.name, key.service) }
            guard let route = routes.route(profile: profile.name, service: key.service) else { throw .unknownProfile(entry.profile) }
            placed.append((entry, key, route))
        }
        var added: [JobKey] = []
        let now = clock.elapsed
        for (entry, key, route) in placed where records[key]?.isGuest ?? true {
            if records[key] != nil {
                // Polled here for another process: shown from now on, as it stands.
                records[key]?.isGuest = false
                records[key]?.state.entry = entry
                recordChanged(key)
            } else {
                // The same ID from an older state file, whose place was never known: this is it now.
                let unplaced = JobKey.unplaced(jobID: key.jobID)
                if records.removeValue(forKey: unplaced) != nil { order.removeAll { $0 == unplaced } }
                records[key] = JobRecord(entry: entry, key: key, route: route, dueAt: now)
                order.append(key)
            }
            added.append(key)
            unsavedJob(key)
            if state != nil, stateRole == .sharedWatchList {
                unsaved.watched.insert(key)
                unsaved.unwatched.remove(key)
            }
        }
        if !added.isEmpty {
            logger.info("watching", metadata: ["jobs": "\(added.map(\.jobID))"])
            changed()
        }
        return added
    }

    public func remove(_ key: JobKey) {
        guard records.removeValue(forKey: key) != nil else { return }
        order.removeAll { $0 == key }
        unsaved.forgetJob(key)
        unsaved.watched.remove(key)
        if state != nil, stateRole == .sharedWatchList { unsaved.unwatched.insert(key) }
        requests[key]?.cancel()
        forgetLookups(of: [key])
        changed()
    }

    /// Asks again now (within the budget): one job, or every job that can still change.
    /// A credential stopped by a 401/403 gets one new attempt: the operator asked for it.
    public func refresh(_ key: JobKey? = nil) {
        let now = clock.elapsed
        let keys = key.map { [$0] } ?? order
        for key in keys {
            guard var record = records[key], !record.state.isTerminal, record.state.health != .detached else { continue }
            if let budgetKey = record.route?.budgetKey, gate.clearStops(of: budgetKey) {
                logger.info("credential retried on request", metadata: ["credential": "\(budgetKey)"])
            }
            record.nextDue = now
            records[key] = record
            recordChanged(key)
            if let budget = record.route?.budgetKey, followed.contains(budget), !record.isGuest { refreshing.insert(key) }
        }
        requestSchedule()
    }

    /// The newest snapshot now, then every newer one. Keeps only the newest for a slow reader.
    public func snapshots() -> AsyncStream<Snapshot> {
        let (stream, continuation) = AsyncStream.makeStream(of: Snapshot.self, bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        snapshotSubscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribeSnapshots(id) }
        }
        continuation.yield(makeSnapshot())
        return stream
    }

    /// Every transition from now on, in order.
    public func transitions() -> AsyncStream<Transition> {
        let (stream, continuation) = AsyncStream.makeStream(of: Transition.self, bufferingPolicy: .bufferingNewest(10_000))
        let id = UUID()
        transitionSubscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribeTransitions(id) }
        }
        return stream
    }

    /// Transitions seen this session and restored from the state file, oldest first.
    public func eventLog() -> [Transition] { log.entries }

    /// Older events dropped to keep the log within `maxEvents`.
    public func droppedEventCount() -> Int { log.dropped }

    public func currentSnapshot() -> Snapshot { makeSnapshot() }

    /// Nothing more happens at this instant: no request or lookup in flight, no schedule pass
    /// asked for, the timer not yet due, no snapshot owed, no save due or writing. Tests on
    /// virtual time wait for it before moving on (a save takes real time: virtual time moved
    /// on meanwhile, and the save it then asked for was due at an instant no step reached).
    package var isSettled: Bool {
        requests.isEmpty && lookupTasks.isEmpty && !schedulePending && (timerDeadline.map { $0 > clock.elapsed } ?? true)
            && pacing.isSettled(at: clock.elapsed) && (saveDue.map { $0 > clock.elapsed } ?? true)
    }

    /// Asks the run loop for a schedule pass. One kick at most is outstanding, so the flag
    /// says exactly whether a pass is still to come (a second buffered kick would run a pass
    /// after the flag was cleared, at a time nobody waited for).
    func requestSchedule() {
        guard !schedulePending else { return }
        schedulePending = true
        kick.yield()
    }

    private func unsubscribeSnapshots(_ id: UUID) { snapshotSubscribers[id] = nil }
    private func unsubscribeTransitions(_ id: UUID) { transitionSubscribers[id] = nil }

    /// Something changed: publish, persist soon, reconsider the schedule.
    func changed() {
        syncWatchList()
        publish()
        scheduleSave()
        requestSchedule()
    }

    /// Sends the snapshot now, or with the next changes when one went out less than
    /// `PublishPacing.spacing` ago (`Engine+Publishing.swift`).
    func publish() {
        syncWatchList()
        guard !snapshotSubscribers.isEmpty else { return }
        if let slot = pacing.slot(at: clock.elapsed) { owePublish(at: slot) } else { publishNow() }
    }

    func emit(_ transitions: [Transition]) {
        guard !transitions.isEmpty else { return }
        log.append(contentsOf: transitions)
        if state != nil { unsaved.events.append(contentsOf: transitions) }
        for transition in transitions {
            logger.info("transition", metadata: [
                "job": "\(transition.key)", "sub_job": "\(transition.subJobID ?? "-")",
                "from": "\(transition.from?.description ?? "-")", "to": "\(transition.to)",
            ])
            for continuation in transitionSubscribers.values { continuation.yield(transition) }
        }
    }
}
