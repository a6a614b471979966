import Foundation
import JobModel
import JobAPI

/// The state file: what a restart restores, and saving at most every two seconds.
extension Engine {
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
    static func restoring(_ file: StateFile, routes: RouteTable, now: Duration, cutoff: Date? = nil) -> Restored {
        var restored = Restored()
        let recent = cutoff.map { cutoff in file.events.filter { $0.at >= cutoff } } ?? file.events
        // Left out for age or for size, they count as dropped.
        restored.log = EventLog(recent, dropped: file.droppedEvents + (file.events.count - recent.count))
        for saved in file.resources ?? [] { restored.resources[saved.key] = saved.resource }
        for saved in file.jobs {
            if let cutoff, Retention.isExpired(saved.job, readAt: saved.readAt, cutoff: cutoff) { continue }
            let entry = WatchEntry(profile: saved.profile, jobID: saved.jobID, service: saved.key?.service, label: saved.label)
            let profile = routes.profiles[saved.profile]
            // A service the profile has no endpoint for is not where the job lives.
            let current = profile.flatMap { profile in
                let key = profile.key(for: saved.jobID, service: saved.key?.service)
                return profile.serves(key.service) ? key : nil
            }
            // A version-1 entry takes the place of the profile it was saved under.
            let key = saved.key ?? current ?? .unplaced(jobID: saved.jobID)
            guard restored.records[key] == nil else { continue }
            // Polled through its profile only where that profile reaches it now.
            let route = key == current ? profile.flatMap { routes.route(profile: $0.name, service: key.service) } : nil
            var record = JobRecord(entry: entry, key: key, route: route, dueAt: now)
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
                } else if profile?.serves(key.service) == false {
                    "profile \(saved.profile.debugDescription) has no endpoint for \(key.service.name) now"
                } else {
                    "profile \(saved.profile.debugDescription) now points elsewhere (saved at \(key.endpoint), project \(key.projectID))"
                }
            }
            restored.records[key] = record
            restored.order.append(key)
        }
        return restored
    }

    /// Writes what changed about a second after it changed: a burst of answers costs one
    /// write, and other windows learn of it within a second or two.
    func scheduleSave() {
        guard state != nil || settings.retention != nil, saveTask == nil else { return }
        let clock = self.clock
        // A deadline fixed now, as the timer's: a task that starts late still saves on time.
        let deadline = clock.elapsed + Self.saveDelay
        saveTask = Task {
            try? await clock.sleep(untilElapsed: deadline)
            await self.saveNow()
        }
        saveDue = deadline
    }

    static var saveDelay: Duration { .seconds(1) }

    /// After a failed save: again in 30 s, unless the engine is stopping.
    private func retrySave() {
        guard saveTask == nil, !Task.isCancelled else { return }
        let clock = self.clock
        let deadline = clock.elapsed + .seconds(30)
        saveTask = Task {
            try? await clock.sleep(untilElapsed: deadline)
            if !Task.isCancelled { await self.saveNow() }
        }
        saveDue = deadline
    }

    /// Writes what changed since the last save. `saveTask` stays set while it writes, so a
    /// change meanwhile waits for the next save instead of starting a second writer.
    func saveNow() async {
        if dropExpired() { publish() }
        guard let state else {
            saveTask = nil
            return
        }
        let batch = takeBatch()
        guard !batch.isEmpty else {
            saveTask = nil
            return
        }
        keysBeingWatched = Set(batch.jobs.filter { $0.watched == true }.map(\.key))
        defer { keysBeingWatched = [] }
        do {
            // A task of its own: the last save runs as the engine's task is cancelled, and
            // sqlite-nio refuses work in a cancelled task.
            try await Task { try await state.apply(batch) }.value
            await noteSaveTimes(state)
            saveTask = nil
            if stateSaveProblem != nil {
                stateSaveProblem = nil
                publish()
            }
            if !unsaved.isEmpty { scheduleSave() }
        } catch {
            saveTask = nil
            unsaved.restore(batch)
            logger.error("state not saved", metadata: ["error": "\(error)"])
            if stateSaveProblem != "\(error)" {
                stateSaveProblem = "\(error)"
                publish()
            }
            // Keep trying: the folder may be fixed while jobwatch runs.
            retrySave()
        }
    }

    /// Once a minute, a line in the log: how many saves, the job rows they wrote, and how long
    /// they took in the database (scripts/soak prints it over time: a save costs what changed,
    /// however large the state grows). Timed there, not here: a busy engine's wait for its own
    /// turn is not the disk's.
    private func noteSaveTimes(_ state: StateDatabase) async {
        let now = clock.date
        guard let since = saveTimesSince, now.timeIntervalSince(since) >= 60 else {
            if saveTimesSince == nil { saveTimesSince = now }
            return
        }
        saveTimesSince = now
        let saves = await state.takeSaveTimes()
        guard !saves.times.isEmpty else { return }
        let sorted = saves.times.sorted()
        func ms(_ duration: Duration) -> String { String(format: "%.1f", duration.seconds * 1000) }
        logger.info("state saves", metadata: [
            "saves": "\(sorted.count)", "rows": "\(saves.rows)", "p50_ms": "\(ms(sorted[sorted.count / 2]))", "max_ms": "\(ms(sorted[sorted.count - 1]))",
            "checkpoints": "\(saves.checkpoints.count)", "checkpoint_max_ms": "\(saves.checkpoints.max().map(ms) ?? "-")",
        ])
    }

    /// The last save when the engine stops: after the one in progress, whatever is left.
    func saveBeforeStopping() async {
        if let saveTask {
            saveTask.cancel()
            await saveTask.value
        }
        await saveNow()
    }

    /// A job's row changed: its next save writes it.
    func unsavedJob(_ key: JobKey) {
        guard state != nil else { return }
        unsaved.jobChanged(key)
    }

    private func takeBatch() -> StateBatch {
        var batch = StateBatch()
        for key in unsaved.jobsInOrder {
            guard let record = records[key] else { continue }
            let state = record.state
            batch.jobs.append(StateBatch.JobRow(
                key: key, profile: state.entry.profile, label: state.entry.label, job: state.job, readAt: state.readAt,
                watched: unsaved.watched.contains(key) ? true : nil, readBy: record.route?.shareKey
            ))
        }
        batch.unwatched = Array(unsaved.unwatched)
        batch.events = unsaved.events
        batch.resources = unsaved.resources.map { StateFile.SavedResource(key: $0.key, resource: $0.value) }
        // Retention in the database once a minute: a scan, not worth every save.
        if let retention = settings.retention, lastRetentionAt.map({ clock.date.timeIntervalSince($0) >= 60 }) ?? true {
            batch.retentionCutoff = clock.date.addingTimeInterval(-retention.seconds)
            lastRetentionAt = clock.date
        }
        unsaved = UnsavedState()
        return batch
    }
}
