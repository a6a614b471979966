import Foundation
import JobModel
import JobAPI

extension Engine {
    /// Sends every request that is due and allowed now, most urgent first (never read, then
    /// INIT, then those about to finish, then by due time), then sleeps until the next one
    /// could be. Looks at the jobs it sends and at each route's first (`PollQueue`): once a
    /// route's first due job must wait, so must every other job of that route.
    func schedule() {
        syncWatchList()
        let now = clock.elapsed
        var wake: Duration?
        func wakeAt(_ time: Duration) { wake = min(wake ?? time, time) }

        polls.promote(now: now) { key in records[key].map { urgency(of: $0, now: now) } ?? 0 }
        var held: Set<PollQueue.LaneID> = []
        while let (lane, entry) = polls.nextReady(excluding: held) {
            guard let record = records[entry.key], !record.inFlight, record.nextDue == entry.due, let route = record.route,
                  PollQueue.LaneID(route) == lane else {
                // Changed without the queue hearing of it: queued again as it is now.
                polls.takeReady(lane)
                recordChanged(entry.key)
                continue
            }
            // Another process polls that budget (it holds the lease), or it is stopped.
            guard !followed.contains(route.budgetKey), let start = gate.earliestStart(on: route, due: entry.due, now: now) else {
                held.insert(lane)
                continue
            }
            if start > now {
                wakeAt(start)
                held.insert(lane)
                continue
            }
            // Due and allowed: only the host's concurrency can hold it back, and a finishing
            // request kicks the scheduler again.
            guard gate.hasRoom(at: route.host) else {
                held.insert(lane)
                continue
            }
            polls.takeReady(lane)
            gate.begin(on: route, now: now)
            send(entry.key, route: route)
        }
        // The first job not due yet on each route: when it may go.
        for (id, lane) in polls.lanes where !followed.contains(lane.route.budgetKey) {
            if let first = polls.firstWaiting(id), let start = gate.earliestStart(on: lane.route, due: first.due, now: now) { wakeAt(start) }
        }
        if let lookupWake = scheduleLookups(now: now) { wakeAt(lookupWake) }
        armTimer(at: wake, now: now)
    }

    /// 0 most urgent … 3 least (`PollPolicy.urgency`).
    func urgency(of record: JobRecord, now: Duration) -> Int {
        guard let job = record.state.job else { return settings.policy.urgency(status: nil, phase: .unknown) }
        let nowDate = clock.date.addingTimeInterval((now - clock.elapsed).seconds)
        return settings.policy.urgency(status: job.status, phase: job.status == .running ? phase(of: job, at: nowDate, lastStart: record.lastStartSeen) : .unknown)
    }

    /// Wakes the schedule at `wake` (never: `nil`), a deadline the pass fixes, so a timer task
    /// that starts late does not wake late; 1 ms after the pass at least, so a schedule can
    /// never spin.
    func armTimer(at wake: Duration?, now: Duration) {
        timer?.cancel()
        timerDeadline = nil
        guard let wake else { return }
        let clock = self.clock
        let deadline = max(wake, now + .milliseconds(1))
        timerDeadline = deadline
        timer = Task { [weak self] in
            do {
                try await clock.sleep(untilElapsed: deadline)
                await self?.timerFired(deadline)
            } catch {}
        }
    }

    /// The armed timer is due: the schedule runs (through the run loop, one pass at a time).
    private func timerFired(_ deadline: Duration) {
        guard timerDeadline == deadline else { return }
        timerDeadline = nil
        requestSchedule()
    }

    /// Asks for one job; the gate has counted the request.
    func send(_ key: JobKey, route: JobRoute) {
        records[key]?.inFlight = true
        recordChanged(key)
        let target = route.jobTarget(jobID: key.jobID)
        let host = route.host
        let client = self.client
        let signingDate = clock.date
        let source = route.profile.credentialSource
        requests[key] = Task {
            let result: Result<FetchedJob, APIError>
            do throws(APIError) {
                // Cheap for a fixed credential; a temporary one is renewed before it expires.
                let credential = try await source.current(now: signingDate)
                result = .success(try await client.fetch(target, credential: credential, now: signingDate))
            } catch {
                result = .failure(error)
            }
            // Stopped while asking (the engine is ending): the failure is ours, not the server's,
            // and must not become the job's last state. An answer that did arrive is kept.
            if Task.isCancelled, case .failure = result {
                self.abandon(key, host: host)
            } else {
                self.receive(result, for: key, host: host)
            }
        }
    }

    // MARK: - Intervals

    /// Jobs that can still change, per budget: they share its requests (kept as jobs change,
    /// `PollDemand`; the watch list is followed before any pass, answer or snapshot).
    func activeJobsPerBudget() -> [BudgetKey: Double] {
        demand.byBudget
    }

    /// The base interval on a budget: the configured one, or longer when the jobs it serves
    /// would ask more than it allows. Jobs asked less often (patience, overdue, stuck) weigh
    /// less, so a few stuck jobs do not slow down the ones about to change.
    func pollBase(on budgetKey: BudgetKey) -> Duration {
        let jobs = activeJobsPerBudget()[budgetKey] ?? 1
        return max(settings.interval, gate.budget(budgetKey).spacing(activeJobs: jobs, fraction: pollShare, at: clock.elapsed))
    }

    /// When to ask again after a good answer that is not terminal (a job with a route).
    func nextInterval(for record: JobRecord, on route: JobRoute) -> Duration {
        nextInterval(for: record, base: pollBase(on: route.budgetKey))
    }

    /// The same, on a base interval the caller already has.
    func nextInterval(for record: JobRecord, base: Duration) -> Duration {
        guard let job = record.state.job else { return .zero }
        let outlook = outlook(of: job, at: clock.date, lastStart: record.lastStartSeen)
        return settings.policy.interval(
            base: base, status: job.status, phase: outlook.phase, unchanged: record.unchangedAnswers, changing: record.changingAnswers,
            nextStart: outlook.nextStart, dueIn: outlook.dueIn
        )
    }

    /// The share of a budget the polls pace themselves on: all of it, or all but the lookups'
    /// share while names wait to be asked (else a budget the polls fill would leave no room
    /// for a lookup that delays none of them, and names would never come).
    var pollShare: Double {
        lookupsEnabled && !names.pending.isEmpty ? 1 - LookupBook.share : 1
    }

    /// Where a job's unfinished parts (a batch's sub-jobs, else the job) stand against the
    /// typical duration of comparable finished ones, and against when their siblings ended.
    func phase(of job: Job, at now: Date, lastStart: Date? = nil) -> PollPolicy.Phase {
        outlook(of: job, at: now, lastStart: lastStart).phase
    }

    /// The phase, and when the next part starts and the next change comes due, read from one
    /// pass over the job's parts.
    /// - Parameter lastStart: when an answer last showed a part leaving INIT.
    func outlook(of job: Job, at now: Date, lastStart: Date? = nil) -> JobOutlook {
        let policy = settings.policy
        let sinceStart = lastStart.map { now.timeIntervalSince($0) }
        if !job.subJobs.isEmpty {
            let unfinished = job.subJobs.filter { !$0.status.isTerminal }
            // A sub-job in INIT beside running ones of its own type is a batch's server about
            // to start; one of another type is a later step, waiting for the running ones.
            let runningTypes = Set(unfinished.filter { $0.status != .initial }.map(\.type))
            let starting = unfinished.contains { $0.status == .initial && (runningTypes.isEmpty || runningTypes.contains($0.type)) }
            let typicalSubs = typical.typicalSubJobs(in: job)
            let ended = SiblingRuns(job.subJobs)
            let parts = unfinished.compactMap { sub -> PollPolicy.Part? in
                guard let typicalSub = typicalSubs[sub.type ?? ""], typicalSub > 0, let elapsed = sub.elapsed(now: now) else { return nil }
                return PollPolicy.Part(elapsed: elapsed, typical: typicalSub, siblingsEnded: ended.range(of: sub.type))
            }
            // Siblings leaving INIT one after another: the next is asked for when it is due
            // (`BatchStagger`), not at INIT's pace.
            let nextStart = BatchStagger(job.subJobs)?.nextStart(after: now) ?? nil
            let staggered = starting && nextStart != nil
            guard !parts.isEmpty else { return JobOutlook(phase: starting && !staggered ? .due : .unknown, nextStart: nextStart) }
            return JobOutlook(
                phase: policy.phase(of: parts, starting: starting && !staggered, sinceStart: sinceStart, ofBatch: true),
                nextStart: nextStart, dueIn: policy.dueIn(parts)
            )
        }
        guard let elapsed = job.elapsed(now: now) else { return JobOutlook(phase: .unknown) }
        let part: PollPolicy.Part
        // An image's fraction done at the rate it has come so far says when it ends.
        if let progress = job.entities.progress, progress >= 0.05, progress < 1, elapsed > 0 {
            part = PollPolicy.Part(elapsed: elapsed, typical: elapsed / progress, fromProgress: true)
        } else if let typicalJob = typical.typical(for: job.type), typicalJob > 0 {
            part = PollPolicy.Part(elapsed: elapsed, typical: typicalJob)
        } else {
            return JobOutlook(phase: .unknown)
        }
        return JobOutlook(phase: policy.phase(of: [part], sinceStart: sinceStart), dueIn: policy.dueIn([part]))
    }
}
