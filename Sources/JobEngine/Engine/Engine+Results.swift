import Foundation
import JobModel
import JobAPI

extension Engine {
    /// Takes in one request's outcome.
    func receive(_ result: Result<FetchedJob, APIError>, for key: JobKey, host: String) {
        requests[key] = nil
        gate.end(at: host)
        let nowDate = clock.date
        lastPollAt = nowDate
        guard var record = records[key], let route = record.route else {
            requestSchedule()  // removed while in flight
            return
        }
        record.inFlight = false
        record.state.attemptedAt = nowDate
        switch result {
        case .success(let fetched):
            accept(fetched, into: &record, route: route, at: nowDate)
        case .failure(let error):
            fail(error, record: &record, route: route)
        }
        records[key] = record
        recordChanged(key)
        if case .success = result {
            noteResources(of: key)
            unsavedJob(key)
        }
        changed()
    }

    /// A request cancelled because the engine stops: forgotten, the job's state untouched.
    func abandon(_ key: JobKey, host: String) {
        requests[key] = nil
        gate.end(at: host)
        records[key]?.inFlight = false
        recordChanged(key)
    }

    private func accept(_ fetched: FetchedJob, into record: inout JobRecord, route: JobRoute, at nowDate: Date) {
        let now = clock.elapsed
        // Nested sub-jobs (CCE) become rows in tree order: transitions, counts, views and
        // outputs then see every level.
        let job = fetched.job.flatteningSubJobs()
        let transitions = TransitionDetector.changes(from: record.state.job, to: job, of: record.state, at: nowDate)
            .map { named($0, in: job, resources: record.state.resources) }
        // Another process's job: its owner says the transitions; the shared log keeps them.
        if record.isGuest {
            if state != nil { unsaved.events.append(contentsOf: transitions) }
        } else {
            emit(transitions)
        }
        // No status moved and no sub-job came: the same answer for patience, though progress or
        // times did (an image's percent moves at every answer; `dueIn` still asks near the end
        // it points at).
        if let previous = record.state.job {
            let moved = !transitions.isEmpty || previous.subJobs.count != job.subJobs.count
            record.unchangedAnswers = moved ? 0 : record.unchangedAnswers + 1
            // Several sub-jobs moved between two polls: their changes come faster than polls.
            record.changingAnswers = transitions.count(where: { $0.subJobID != nil }) >= 2 ? record.changingAnswers + 1 : 0
        }
        if let previous = record.state.job, job.partsInINIT < previous.partsInINIT { record.lastStartSeen = nowDate }
        record.state.job = job
        record.state.readAt = nowDate
        record.readElapsed = now
        record.state.lastError = nil
        record.state.health = .fresh
        record.state.failedAttempts = 0
        record.failures = 0
        endpointErrors[route.host] = nil
        gate.answered(by: route.host)
        if let serverDate = fetched.serverDate {
            clockSkew = nowDate.timeIntervalSince(serverDate)
        }
        typical.learn(from: job)
        if job.status.isTerminal {
            record.nextDue = nil
        } else {
            // One base for the interval and the weight.
            let base = pollBase(on: route.budgetKey)
            let interval = nextInterval(for: record, base: base)
            record.lastInterval = interval
            record.pollWeight = interval > .zero ? min(1, base / interval) : 1
            record.nextDue = now + interval
        }
    }

    private func fail(_ error: APIError, record: inout JobRecord, route: JobRoute) {
        let now = clock.elapsed
        let host = route.host
        record.state.lastError = error
        record.state.failedAttempts += 1
        logger.warning("request failed", metadata: ["job": "\(record.state.key)", "error": "\(error)"])
        let policy = settings.policy
        let reaction = policy.reaction(to: error)
        switch reaction {
        case .throttle(let retryAfter):
            let until = gate.throttle(host, retryAfter: retryAfter, askedFor: error.retryAfter, backoff: Backoff(cap: policy.backoffCap), random: &random, now: now)
            // A quota lower than the budget thought explains the 429; refused within its share
            // all the same, others spend this quota: the budget slows down.
            let explained = error.statedRateLimitPerMinute.map { gate.lower(route.budgetKey, belowStated: $0) } ?? false
            if !explained, gate.budget(route.budgetKey).isWithinShare(at: now) {
                gate.slowDown(route.budgetKey, now: now)
            }
            endpointErrors[host] = error
            record.nextDue = until
        case .stopCredential, .stopRoute:
            let ofNetwork = reaction == .stopRoute
            let stop = PollStop(reason: error.description, health: ofNetwork ? .routeStopped : .authStopped)
            gate.stop(ofNetwork ? route.networkStop : route.credentialStop, stop)
            endpointErrors[host] = error
            record.state.health = stop.health
            record.nextDue = .zero
        case .notFound:
            record.state.health = record.state.job == nil ? .notFound : .purged
            let base = pollBase(on: route.budgetKey)
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
