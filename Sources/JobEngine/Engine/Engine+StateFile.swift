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
