import Foundation
import JobModel
import JobAPI

extension Engine {
    func makeSnapshot() -> Snapshot {
        syncWatchList()
        let nowDate = clock.date
        let now = clock.elapsed
        var jobCounts = StatusCounts()
        var subJobCounts = StatusCounts()
        var states: [JobState] = []
        states.reserveCapacity(order.count)
        var remaining: [TimeInterval] = []

        for key in order {
            guard let record = records[key], !record.isGuest else { continue }
            var state = record.state
            state.requestInFlight = record.inFlight
            jobCounts.add(state.status)
            if let job = state.job, !job.subJobs.isEmpty {
                for sub in job.subJobs {
                    subJobCounts.add(sub.status)
                    if sub.status.isTerminal { state.finishedSubJobs += 1 }
                    if sub.status == .fail { state.failedSubJobs += 1 }
                }
            } else {
                subJobCounts.add(state.status)
            }
            if state.health == .detached {
                // Not polled: its last known state is all there is.
            } else if let route = record.route, let stop = gate.stop(of: route), !state.isTerminal {
                state.health = stop.health
            } else if state.health == .fresh, !state.isTerminal, let read = record.readElapsed,
                      let route = record.route, now - read > nextInterval(for: record, on: route) * 2 + .seconds(5) {
                state.health = .stale
            }
            if let job = state.job, job.status == .running || job.status == .initial {
                markSlow(&state, job: job, now: nowDate, remaining: &remaining)
            }
            state.nextPollAt = record.nextDue.flatMap { due in
                state.health == .authStopped || state.health == .routeStopped ? nil : nowDate.addingTimeInterval((due - now).seconds)
            }
            states.append(state)
        }

        // Each profile's own service, and every other service its jobs use.
        var usedBudgets = Set(routes.defaultRoutes.map(\.budgetKey))
        for record in records.values {
            if let key = record.route?.budgetKey { usedBudgets.insert(key) }
        }
        let budgetUses = usedBudgets.sorted().map { key in
            let budget = gate.budget(key)
            let leaves = budget.leavesWindow(at: now).map { nowDate.addingTimeInterval(($0 - now).seconds) }
            var use = BudgetUse(credential: key.credential, endpoint: key.endpoint, usedLastMinute: budget.used(at: now), limitPerMinute: budget.limitPerMinute,
                             stoppedReason: gate.stopReason(of: key), leavesWindowAt: leaves)
            use.polledByProcess = followed.contains(key) ? pollers[key] : nil
            return use
        }
        let throttle = gate.longestThrottle(now: now)
        let throttledUntil = throttle.map { nowDate.addingTimeInterval(($0.until - now).seconds) }

        // Past the typical duration there is no estimate: "ETA 0s" beside a job running for
        // hours would be a lie.
        let overdue = remaining.count { $0 <= 0 }
        remaining.removeAll { $0 <= 0 }
        var snapshot = Snapshot(
            takenAt: nowDate, jobs: states, jobCounts: jobCounts, subJobCounts: subJobCounts,
            eta: remaining.max(), budgets: budgetUses, endpointErrors: endpointErrors,
            clockSkew: clockSkew, lastPollAt: lastPollAt, throttledUntil: throttledUntil,
            throttleAskedFor: throttle?.askedFor, stateSaveProblem: stateSaveProblem, droppedEvents: log.dropped
        )
        snapshot.overdue = overdue
        snapshot.nameNotices = names.notices
        snapshot.lookupsOutstanding = lookupsOutstanding
        return snapshot
    }

    /// Flags slow jobs and sub-jobs, and collects the time each unfinished one still needs.
    private func markSlow(_ state: inout JobState, job: Job, now: Date, remaining: inout [TimeInterval]) {
        if !job.subJobs.isEmpty {
            let typicalSubs = typical.typicalSubJobs(in: job)
            for sub in job.subJobs where !sub.status.isTerminal {
                guard let typicalSub = typicalSubs[sub.type ?? ""], let elapsed = sub.elapsed(now: now) ?? job.elapsed(now: now) else { continue }
                remaining.append(typicalSub - elapsed)
                if settings.policy.isSlow(elapsed: elapsed, typical: typicalSub), let id = sub.id { state.slowSubJobIDs.insert(id) }
            }
            state.isSlow = !state.slowSubJobIDs.isEmpty
        }
        if let typicalJob = typical.typical(for: job.type), let elapsed = job.elapsed(now: now) {
            if job.subJobs.isEmpty {
                remaining.append(typicalJob - elapsed)
            }
            if settings.policy.isSlow(elapsed: elapsed, typical: typicalJob) { state.isSlow = true }
        }
    }
}
