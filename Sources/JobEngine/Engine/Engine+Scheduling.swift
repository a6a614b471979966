import Foundation
import JobModel
import JobAPI

extension Engine {
    /// Sends every request that is due and allowed now, then sleeps until the next one could be.
    func schedule() {
        let now = clock.elapsed
        var wake: Duration?
        func wakeAt(_ time: Duration) { wake = min(wake ?? time, time) }

        for key in dueOrder(now: now) {
            guard let record = records[key], let due = record.nextDue, let route = record.route,
                  !followed.contains(route.budgetKey), let start = gate.earliestStart(on: route, due: due, now: now) else { continue }
            if start > now {
                wakeAt(start)
                continue
            }
            // Due and allowed: only the host's concurrency can hold it back, and a finishing
            // request kicks the scheduler again.
            guard gate.hasRoom(at: route.host) else { continue }
            gate.begin(on: route, now: now)
            send(key, route: route)
        }
        if let lookupWake = scheduleLookups(now: now) { wakeAt(lookupWake) }
        armTimer(at: wake, now: now)
    }

    /// Jobs not in flight that may be asked, most urgent first: never read, then INIT, then
    /// those about to finish, then by due time.
    func dueOrder(now: Duration) -> [JobKey] {
        let candidates = order.compactMap { key -> (JobKey, Int, Duration)? in
            guard let record = records[key], !record.inFlight, let due = record.nextDue else { return nil }
            return (key, urgency(of: record, now: now), due)
        }
        return candidates.sorted { a, b in
            let aDue = a.2 <= now, bDue = b.2 <= now
            if aDue != bDue { return aDue }
            if a.1 != b.1 { return a.1 < b.1 }
            return a.2 < b.2
        }.map(\.0)
    }

    /// 0 most urgent … 3 least (`PollPolicy.urgency`).
    func urgency(of record: JobRecord, now: Duration) -> Int {
        guard let job = record.state.job else { return settings.policy.urgency(status: nil, phase: .unknown) }
        let nowDate = clock.date.addingTimeInterval((now - clock.elapsed).seconds)
        return settings.policy.urgency(status: job.status, phase: job.status == .running ? phase(of: job, at: nowDate) : .unknown)
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

    /// Jobs that can still change, per budget: they share its requests.
    func activeJobsPerBudget() -> [BudgetKey: Double] {
        var demand: [BudgetKey: Double] = [:]
        for record in records.values where !record.state.isTerminal && record.nextDue != nil {
            if let key = record.route?.budgetKey { demand[key, default: 0] += record.pollWeight }
        }
        return demand
    }

    /// The base interval on a budget: the configured one, or longer when the jobs it serves
    /// would ask more than it allows. Jobs asked less often (patience, overdue, stuck) weigh
    /// less, so a few stuck jobs do not slow down the ones about to change.
    /// - Parameter active: `activeJobsPerBudget()`, computed once by callers that loop.
    func pollBase(on budgetKey: BudgetKey, active: [BudgetKey: Double]? = nil) -> Duration {
        let demand = (active ?? activeJobsPerBudget())[budgetKey] ?? 1
        return max(settings.interval, gate.budget(budgetKey).spacing(activeJobs: demand, fraction: pollShare))
    }

    /// When to ask again after a good answer that is not terminal (a job with a route).
    func nextInterval(for record: JobRecord, on route: JobRoute, active: [BudgetKey: Double]? = nil) -> Duration {
        nextInterval(for: record, base: pollBase(on: route.budgetKey, active: active))
    }

    /// The same, on a base interval the caller already has.
    func nextInterval(for record: JobRecord, base: Duration) -> Duration {
        guard let job = record.state.job else { return .zero }
        return settings.policy.interval(base: base, status: job.status, phase: phase(of: job, at: clock.date), unchanged: record.unchangedAnswers)
    }

    /// The share of a budget the polls pace themselves on: all of it, or all but the lookups'
    /// share while names wait to be asked (else a budget the polls fill would leave no room
    /// for a lookup that delays none of them, and names would never come).
    var pollShare: Double {
        lookupsEnabled && !names.pending.isEmpty ? 1 - LookupBook.share : 1
    }

    /// Where a job's unfinished parts (a batch's sub-jobs, else the job) stand against the
    /// typical duration of comparable finished ones.
    func phase(of job: Job, at now: Date) -> PollPolicy.Phase {
        if !job.subJobs.isEmpty {
            let unfinished = job.subJobs.filter { !$0.status.isTerminal }
            let starting = unfinished.contains { $0.status == .initial }
            let typicalSubs = typical.typicalSubJobs(in: job)
            let parts = unfinished.compactMap { sub -> PollPolicy.Part? in
                guard let typicalSub = typicalSubs[sub.type ?? ""], typicalSub > 0, let elapsed = sub.elapsed(now: now) else { return nil }
                return PollPolicy.Part(elapsed: elapsed, typical: typicalSub)
            }
            guard !parts.isEmpty else { return starting ? .due : .unknown }
            return settings.policy.phase(of: parts, starting: starting)
        }
        guard let typicalJob = typical.typical(for: job.type), typicalJob > 0, let elapsed = job.elapsed(now: now) else { return .unknown }
        return settings.policy.phase(of: [PollPolicy.Part(elapsed: elapsed, typical: typicalJob)])
    }
}
