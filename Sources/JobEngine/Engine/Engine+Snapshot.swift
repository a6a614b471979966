import Foundation
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
            let profile = profiles[key.profile]
            jobCounts.add(state.status)
            if let job = state.job, !job.subJobs.isEmpty {
                for sub in job.subJobs {
                    subJobCounts.add(sub.status)
                    if sub.status == .fail { state.failedSubJobs += 1 }
                }
            } else {
                subJobCounts.add(state.status)
            }
            if let profile, stoppedCredentials[profile.budgetKey] != nil, !state.isTerminal {
                state.health = .authStopped
            } else if state.health == .fresh, !state.isTerminal, let read = record.readElapsed,
                      let profile, now - read > nextInterval(for: record, profile: profile, active: active) * 2 + .seconds(5) {
                state.health = .stale
            }
            if let job = state.job, job.status == .running || job.status == .initial {
                markSlow(&state, job: job, now: nowDate, remaining: &remaining)
            }
            state.nextPollAt = record.nextDue.flatMap { due in
                state.health == .authStopped ? nil : nowDate.addingTimeInterval((due - now).seconds)
            }
            states.append(state)
        }

        let budgetUses = Set(profiles.values.map(\.budgetKey)).sorted().map { key in
            let budget = budgets[key] ?? RateBudget(limitPerMinute: profiles.values.first { $0.budgetKey == key }?.requestsPerMinute ?? settings.requestsPerMinute)
            return BudgetUse(credential: key, usedLastMinute: budget.used(at: now), limitPerMinute: budget.limitPerMinute, stoppedReason: stoppedCredentials[key])
        }
        let throttledUntil = throttles.values.map(\.until).filter { $0 > now }.max().map { nowDate.addingTimeInterval(($0 - now).seconds) }

        return Snapshot(
            takenAt: nowDate, jobs: states, jobCounts: jobCounts, subJobCounts: subJobCounts,
            eta: remaining.max(), budgets: budgetUses, endpointErrors: endpointErrors,
            clockSkew: clockSkew, lastPollAt: lastPollAt, throttledUntil: throttledUntil
        )
    }

    /// Flags slow jobs and sub-jobs, and collects the time each unfinished one still needs.
    private func markSlow(_ state: inout JobState, job: Job, now: Date, remaining: inout [TimeInterval]) {
        if !job.subJobs.isEmpty {
            let typicalSub = typical.typicalSubJob(in: job)
            state.typicalDuration = typicalSub
            for sub in job.subJobs where !sub.status.isTerminal {
                guard let typicalSub, let elapsed = sub.elapsed(now: now) ?? job.elapsed(now: now) else { continue }
                remaining.append(max(0, typicalSub - elapsed))
                if elapsed > settings.slowFactor * typicalSub, let id = sub.id { state.slowSubJobIDs.insert(id) }
            }
            state.isSlow = !state.slowSubJobIDs.isEmpty
        }
        if let typicalJob = typical.typical(for: job.type), let elapsed = job.elapsed(now: now) {
            if job.subJobs.isEmpty {
                state.typicalDuration = typicalJob
                remaining.append(max(0, typicalJob - elapsed))
            }
            if elapsed > settings.slowFactor * typicalJob { state.isSlow = true }
        }
    }

    // MARK: - State file

    struct Restored {
        var records: [JobKey: JobRecord] = [:]
        var order: [JobKey] = []
        var events: [Transition] = []
        var typical = TypicalDurations()
    }

    /// The watch list and last known states of a state file; jobs of profiles not configured
    /// now are left out.
    static func restoring(_ file: StateFile, profiles: [String: ProfileTarget], now: Duration) -> Restored {
        var restored = Restored()
        restored.events = Array(file.events.suffix(Self.maxEvents))
        for saved in file.jobs where restored.records[saved.entry.key] == nil && profiles[saved.entry.key.profile] != nil {
            var record = JobRecord(entry: saved.entry, dueAt: now)
            record.state.job = saved.job
            record.state.readAt = saved.readAt
            if let job = saved.job {
                record.state.health = .fresh
                restored.typical.learn(from: job)
                // Only what can still change is polled.
                if job.status.isTerminal { record.nextDue = nil }
            }
            restored.records[saved.entry.key] = record
            restored.order.append(saved.entry.key)
        }
        return restored
    }

    func stateFile() -> StateFile {
        StateFile(
            savedAt: clock.date,
            jobs: order.compactMap { key in
                records[key].map { StateFile.SavedJob(entry: $0.state.entry, job: $0.state.job, readAt: $0.state.readAt) }
            },
            events: events
        )
    }

    /// Writes at most every two seconds: a burst of answers costs one write.
    func scheduleSave() {
        guard store != nil || settings.retention != nil, saveTask == nil else { return }
        let clock = self.clock
        saveTask = Task {
            try? await clock.sleep(for: .seconds(2))
            self.saveNow()
        }
    }

    func saveNow() {
        saveTask = nil
        if dropExpired() { publish() }
        guard let store else { return }
        do {
            try store.save(stateFile())
        } catch {
            logger.error("state not saved", metadata: ["error": "\(error)"])
        }
    }
}
