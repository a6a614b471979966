import Foundation
import JobModel
import JobAPI

extension Engine {
    /// Takes in one request's outcome.
    func receive(_ result: Result<FetchedJob, APIError>, for key: JobKey, host: String) {
        requests[key] = nil
        inFlightPerEndpoint[host, default: 1] -= 1
        let nowDate = clock.date
        lastPollAt = nowDate
        guard var record = records[key], let profile = profiles[record.profileName] else {
            requestSchedule()  // removed while in flight
            return
        }
        record.inFlight = false
        record.state.attemptedAt = nowDate
        switch result {
        case .success(let fetched):
            accept(fetched, into: &record, profile: profile, at: nowDate)
        case .failure(let error):
            fail(error, record: &record, profile: profile, host: host)
        }
        records[key] = record
        if case .success = result { noteResources(of: key) }
        changed()
    }

    /// A request cancelled because the engine stops: forgotten, the job's state untouched.
    func abandon(_ key: JobKey, host: String) {
        requests[key] = nil
        inFlightPerEndpoint[host, default: 1] -= 1
        records[key]?.inFlight = false
    }

    private func accept(_ fetched: FetchedJob, into record: inout JobRecord, profile: ProfileTarget, at nowDate: Date) {
        let now = clock.elapsed
        // Nested sub-jobs (CCE) become rows in tree order: transitions, counts, views and
        // outputs then see every level.
        let job = fetched.job.flatteningSubJobs()
        emit(TransitionDetector.changes(from: record.state.job, to: job, of: record.state, at: nowDate).map { named($0, in: job, resources: record.state.resources) })
        record.unchangedAnswers = record.state.job == job ? record.unchangedAnswers + 1 : 0
        record.state.job = job
        record.state.readAt = nowDate
        record.readElapsed = now
        record.state.lastError = nil
        record.state.health = .fresh
        record.state.failedAttempts = 0
        record.failures = 0
        let host = profile.endpoint(for: record.state.key.service).identity
        endpointErrors[host] = nil
        throttles[host]?.attempts = 0
        if let serverDate = fetched.serverDate {
            clockSkew = nowDate.timeIntervalSince(serverDate)
        }
        typical.learn(from: job)
        if job.status.isTerminal {
            record.nextDue = nil
        } else {
            // One pass over the watch list for the base, shared by the interval and the weight.
            let base = pollBase(on: profile.budgetKey(for: record.state.key.service))
            let interval = nextInterval(for: record, base: base)
            record.lastInterval = interval
            record.pollWeight = interval > .zero ? min(1, base / interval) : 1
            record.nextDue = now + interval
        }
    }

    private func fail(_ error: APIError, record: inout JobRecord, profile: ProfileTarget, host: String) {
        let now = clock.elapsed
        record.state.lastError = error
        record.state.failedAttempts += 1
        logger.warning("request failed", metadata: ["job": "\(record.state.key)", "error": "\(error)"])
        let policy = settings.policy
        let reaction = policy.reaction(to: error)
        switch reaction {
        case .throttle(let retryAfter):
            var throttle = throttles[host] ?? Throttle(until: now, attempts: 0)
            throttle.attempts += 1
            let wait = retryAfter ?? Backoff(cap: policy.backoffCap).delay(attempt: throttle.attempts, random: &random)
            throttle.askedFor = error.retryAfter
            throttle.until = max(throttle.until, now + wait)
            throttles[host] = throttle
            if let stated = error.statedRateLimitPerMinute {
                let budgetKey = profile.budgetKey(for: record.state.key.service)
                var lowered = budget(for: budgetKey)
                lowered.lower(belowStated: stated)
                budgets[budgetKey] = lowered
            }
            endpointErrors[host] = error
            record.nextDue = throttle.until
        case .stopCredential, .stopRoute:
            let route = reaction == .stopRoute
            let stop = PollStop(reason: error.description, health: route ? .routeStopped : .authStopped)
            stops[StopKey(budget: profile.budgetKey(for: record.state.key.service), network: route ? profile.network : nil)] = stop
            endpointErrors[host] = error
            record.state.health = stop.health
            record.nextDue = .zero
        case .notFound:
            record.state.health = record.state.job == nil ? .notFound : .purged
            let base = pollBase(on: profile.budgetKey(for: record.state.key.service))
            record.nextDue = now + policy.notFoundDelay(seenBefore: record.state.job != nil, notFoundAnswers: record.state.failedAttempts, base: base)
        case .backoff:
            record.failures += 1
            record.state.health = record.state.job == nil ? .pending : .stale
            endpointErrors[host] = error
            record.nextDue = now + Backoff(cap: policy.backoffCap).delay(attempt: record.failures, random: &random)
        case .permanent:
            record.state.health = record.state.job == nil ? .notFound : .stale
            record.nextDue = now + policy.notFoundRetry
        }
        if settings.oneShot, OneShotRead.givesUp(on: error, failedAttempts: record.state.failedAttempts) {
            record.nextDue = nil
        }
    }
}
