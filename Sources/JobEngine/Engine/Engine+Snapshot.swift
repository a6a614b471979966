import Foundation
import JobModel
import JobAPI

extension Engine {
    /// The snapshot now: the book's jobs (those that changed, or whose time-dependent facts
    /// came due, worked out again first) with the engine's totals. Guests (polled for
    /// another process) are not in the book.
    func makeSnapshot() -> Snapshot {
        syncWatchList()
        let nowDate = clock.date
        let now = clock.elapsed
        if gate.stopsChanged != bookStops {
            // A stop holds (or a retry frees) every job of its route.
            bookStops = gate.stopsChanged
            book.markEverythingDirty()
        }
        book.refresh(now: now) { key in records[key].map { bookEntry(for: $0, now: now, nowDate: nowDate) } }

        // Each profile's own service, and every other service its jobs use.
        let usedBudgets = book.budgets.union(routes.defaultRoutes.map(\.budgetKey))
        let budgetUses = usedBudgets.sorted().map { key in
            let budget = gate.budget(key)
            let leaves = budget.leavesWindow(at: now).map { nowDate.addingTimeInterval(($0 - now).seconds) }
            var use = BudgetUse(credential: key.credential, endpoint: key.endpoint, usedLastMinute: budget.used(at: now), limitPerMinute: budget.limit(at: now),
                             stoppedReason: gate.stopReason(of: key), leavesWindowAt: leaves)
            use.polledByProcess = followed.contains(key) ? pollers[key] : nil
            use.slowedFrom = budget.slowedFrom(at: now)
            return use
        }
        let throttle = gate.longestThrottle(now: now)
        let throttledUntil = throttle.map { nowDate.addingTimeInterval(($0.until - now).seconds) }

        var snapshot = Snapshot(
            takenAt: nowDate, jobs: book.states, digest: book.digest, jobCounts: book.jobCounts, subJobCounts: book.subJobCounts,
            eta: book.eta(at: nowDate), budgets: budgetUses, endpointErrors: endpointErrors,
            clockSkew: clockSkew, lastPollAt: lastPollAt, throttledUntil: throttledUntil,
            throttleAskedFor: throttle?.askedFor, stateSaveProblem: stateSaveProblem, droppedEvents: log.dropped
        )
        // Past the typical duration there is no estimate: "ETA 0s" beside a job running for
        // hours would be a lie.
        snapshot.overdue = book.overdue
        snapshot.nameNotices = names.notices
        snapshot.lookupsOutstanding = lookupsOutstanding
        return snapshot
    }

    /// One job as a snapshot shows it now, what it adds to the totals, and when that changes
    /// with time alone (it goes stale, a part becomes slow or passes its typical end).
    func bookEntry(for record: JobRecord, now: Duration, nowDate: Date) -> SnapshotBook.Entry {
        var state = record.state
        state.requestInFlight = record.inFlight
        var share = SnapshotBook.Share(status: state.status, profile: state.entry.profile, service: state.key.service)
        var changes = TimedChanges(now: now, nowDate: nowDate)
        if let job = state.job, !job.subJobs.isEmpty {
            for sub in job.subJobs {
                share.subJobs.add(sub.status)
                if sub.status.isTerminal { state.finishedSubJobs += 1 }
                if sub.status == .fail { state.failedSubJobs += 1 }
            }
        } else {
            share.subJobs.add(state.status)
        }
        if state.health == .detached {
            // Not polled: its last known state is all there is.
        } else if let route = record.route, let stop = gate.stop(of: route), !state.isTerminal {
            state.health = stop.health
        } else if state.health == .fresh, !state.isTerminal, let read = record.readElapsed, let route = record.route {
            let limit = nextInterval(for: record, on: route) * 2 + .seconds(5)
            if now - read > limit { state.health = .stale } else { changes.note(read + limit) }
        }
        if let job = state.job, job.status == .running || job.status == .initial {
            markSlow(&state, job: job, share: &share, changes: &changes)
        }
        state.nextPollAt = record.nextDue.flatMap { due in
            state.health == .authStopped || state.health == .routeStopped ? nil : nowDate.addingTimeInterval((due - now).seconds)
        }
        share.settled = state.isSettled
        share.runningClock = state.hasRunningClock
        share.failing = state.isFailing
        share.troubled = state.hasReadProblem
        return SnapshotBook.Entry(state: state, share: share, changesAt: changes.first)
    }

    /// Flags slow jobs and sub-jobs; counts the unfinished parts past their typical end and
    /// notes the latest end still ahead.
    private func markSlow(_ state: inout JobState, job: Job, share: inout SnapshotBook.Share, changes: inout TimedChanges) {
        let now = changes.nowDate
        func part(typical: TimeInterval, elapsed: TimeInterval) {
            let remaining = typical - elapsed
            if remaining <= 0 {
                share.overdue += 1
            } else {
                let end = now.addingTimeInterval(remaining)
                share.latestEnd = max(share.latestEnd ?? end, end)
                changes.note(end)
            }
        }
        func slow(typical: TimeInterval, elapsed: TimeInterval) -> Bool {
            if settings.policy.isSlow(elapsed: elapsed, typical: typical) { return true }
            changes.note(now.addingTimeInterval(settings.policy.slowFactor * typical - elapsed))
            return false
        }
        if !job.subJobs.isEmpty {
            let typicalSubs = typical.typicalSubJobs(in: job)
            for sub in job.subJobs where !sub.status.isTerminal {
                guard let typicalSub = typicalSubs[sub.type ?? ""], let elapsed = sub.elapsed(now: now) ?? job.elapsed(now: now) else { continue }
                part(typical: typicalSub, elapsed: elapsed)
                if slow(typical: typicalSub, elapsed: elapsed), let id = sub.id { state.slowSubJobIDs.insert(id) }
            }
            state.isSlow = !state.slowSubJobIDs.isEmpty
        }
        if let typicalJob = typical.typical(for: job.type), let elapsed = job.elapsed(now: now) {
            if job.subJobs.isEmpty {
                part(typical: typicalJob, elapsed: elapsed)
            }
            if slow(typical: typicalJob, elapsed: elapsed) { state.isSlow = true }
        }
    }
}
