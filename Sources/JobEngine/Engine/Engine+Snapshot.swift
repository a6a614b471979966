import Foundation
import JobModel
import JobAPI

extension Engine {
    func makeSnapshot() -> Snapshot {
        let nowDate = clock.date
        let now = clock.elapsed
        var jobCounts = StatusCounts()
        var subJobCounts = StatusCounts()
        var states: [JobState] = []
        states.reserveCapacity(order.count)
        var remaining: [TimeInterval] = []
        let active = activeJobsPerBudget()

        for key in order {
            guard let record = records[key] else { continue }
            var state = record.state
            state.requestInFlight = record.inFlight
            let profile = profiles[record.profileName]
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
            } else if let profile, let stop = stops[profile.budgetKey(for: state.key.service)], !state.isTerminal {
                state.health = stop.health
            } else if state.health == .fresh, !state.isTerminal, let read = record.readElapsed,
                      let profile, now - read > nextInterval(for: record, profile: profile, active: active) * 2 + .seconds(5) {
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
        var usedBudgets = Set(profiles.values.map { $0.budgetKey(for: $0.service) })
        for record in records.values {
            if let profile = profiles[record.profileName] { usedBudgets.insert(profile.budgetKey(for: record.state.key.service)) }
        }
        let budgetUses = usedBudgets.sorted().map { key in
            let budget = budgets[key] ?? newBudget(for: key)
            let leaves = budget.leavesWindow(at: now).map { nowDate.addingTimeInterval(($0 - now).seconds) }
            return BudgetUse(credential: key.credential, endpoint: key.endpoint, usedLastMinute: budget.used(at: now), limitPerMinute: budget.limitPerMinute,
                             stoppedReason: stops[key]?.reason, leavesWindowAt: leaves)
        }
        let throttle = throttles.values.filter { $0.until > now }.max { $0.until < $1.until }
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

    // MARK: - State file

    struct Restored {
        var records: [JobKey: JobRecord] = [:]
        var order: [JobKey] = []
        var log = EventLog()
        var typical = TypicalDurations()
        var resources: [ResourceKey: Resource] = [:]
    }

    /// The watch list and last known states of a state file. A job is polled again only
    /// through a profile that reaches where it lives; the others are kept, shown as detached,
    /// and saved again, so nothing is lost when a profile is edited or not loaded this time.
    /// - Parameter cutoff: finished jobs and events older than this are left out (`Retention`).
    static func restoring(_ file: StateFile, profiles: [String: ProfileTarget], now: Duration, cutoff: Date? = nil) -> Restored {
        var restored = Restored()
        let recent = cutoff.map { cutoff in file.events.filter { $0.at >= cutoff } } ?? file.events
        // Left out for age or for size, they count as dropped.
        restored.log = EventLog(recent, dropped: file.droppedEvents + (file.events.count - recent.count))
        for saved in file.resources ?? [] { restored.resources[saved.key] = saved.resource }
        for saved in file.jobs {
            if let cutoff, Retention.isExpired(saved.job, readAt: saved.readAt, cutoff: cutoff) { continue }
            let entry = WatchEntry(profile: saved.profile, jobID: saved.jobID, service: saved.key?.service, label: saved.label)
            let profile = profiles[saved.profile]
            let current = profile?.key(for: saved.jobID, service: saved.key?.service)
            // A version-1 entry takes the place of the profile it was saved under.
            let key = saved.key ?? current ?? .unplaced(jobID: saved.jobID)
            guard restored.records[key] == nil else { continue }
            var record = JobRecord(entry: entry, key: key, dueAt: now)
            record.state.job = saved.job
            record.state.readAt = saved.readAt
            if let job = saved.job {
                record.state.health = .fresh
                restored.typical.learn(from: job)
                // Only what can still change is polled.
                if job.status.isTerminal { record.nextDue = nil }
            }
            if key != current {
                record.nextDue = nil
                record.state.health = .detached
                record.state.detachedReason = if !key.isPlaced {
                    "from an older state file (profile \(saved.profile.debugDescription) is not loaded now)"
                } else if profile == nil {
                    "profile \(saved.profile.debugDescription) is not loaded now"
                } else {
                    "profile \(saved.profile.debugDescription) now points elsewhere (saved at \(key.endpoint), project \(key.projectID))"
                }
            }
            restored.records[key] = record
            restored.order.append(key)
        }
        return restored
    }

    func stateFile() -> StateFile {
        StateFile(
            savedAt: clock.date,
            jobs: order.compactMap { key in
                records[key].map { record in
                    let state = record.state
                    return StateFile.SavedJob(
                        profile: state.entry.profile, key: state.key.isPlaced ? state.key : nil, jobID: state.key.jobID,
                        label: state.entry.label, job: state.job, readAt: state.readAt
                    )
                }
            },
            events: log.entries,
            droppedEvents: log.dropped,
            resources: savedResources()
        )
    }

    /// Writes at most every two seconds: a burst of answers costs one write.
    func scheduleSave() {
        guard store != nil || settings.retention != nil, saveTask == nil else { return }
        let clock = self.clock
        // A deadline fixed now, as the timer's: a task that starts late still saves on time.
        let deadline = clock.elapsed + .seconds(2)
        saveTask = Task {
            try? await clock.sleep(untilElapsed: deadline)
            self.saveNow()
        }
    }

    /// After a failed save: again in 30 s, unless the engine is stopping.
    private func retrySave() {
        guard saveTask == nil, !Task.isCancelled else { return }
        let clock = self.clock
        let deadline = clock.elapsed + .seconds(30)
        saveTask = Task {
            try? await clock.sleep(untilElapsed: deadline)
            if !Task.isCancelled { self.saveNow() }
        }
    }

    func saveNow() {
        saveTask = nil
        if dropExpired() { publish() }
        guard let store else { return }
        do {
            try store.save(stateFile())
            if stateSaveProblem != nil {
                stateSaveProblem = nil
                publish()
            }
        } catch {
            logger.error("state not saved", metadata: ["error": "\(error)"])
            if stateSaveProblem == nil {
                stateSaveProblem = "\(error)"
                publish()
            }
            // Keep trying: the folder may be fixed while jobwatch runs.
            retrySave()
        }
    }
}
