import Foundation
import JobModel
import JobAPI

/// Answers other jobwatch processes wrote to the state database, taken in as if this engine
/// had read them, with their true age.
extension Engine {
    /// The last answers the database holds for this engine's own jobs (`StateRole.ownJobs`):
    /// a `wait` beside an open dashboard starts from what it read.
    /// - Parameter age: an unfinished job's answer older than this is not taken (`get` reads
    ///   now); a finished one's never changes.
    /// - Parameter whilePolled: an unfinished job's answer is taken only while a live process
    ///   polls its budget: a `get` after a `get` asks the server again (after a change of proxy
    ///   or key, say), a `get` beside a dashboard does not.
    /// - Parameter asFirstReads: said as this run's first reads (`seen → SUCCESS`, hooks and
    ///   all), when the engine starts: `wait` behaves as if it had read them itself.
    public func adoptSharedAnswers(unfinishedWithin age: Duration? = nil, whilePolled: Bool = false, asFirstReads: Bool = false) async {
        let adoption = Adoption(age: age, whilePolled: whilePolled)
        if asFirstReads {
            adoptionAtStart = adoption
            return
        }
        await adopt(adoption, sayingFirst: false)
    }

    struct Adoption: Sendable {
        var age: Duration?
        var whilePolled = false
    }

    func adopt(_ adoption: Adoption, sayingFirst: Bool) async {
        guard let state else { return }
        let keys = order.filter { records[$0]?.state.job == nil }
        guard !keys.isEmpty, let loaded = try? await Task(operation: { try await state.load(.jobs(keys), now: clock.date) }).value else { return }
        let now = clock.date
        let age = adoption.age
        var polled: Set<String>?
        if adoption.whilePolled {
            polled = (try? await Task(operation: { try await state.polledBudgets(now: now) }).value) ?? []
        }
        // Later writes of these jobs are read as changes; earlier ones are all here.
        if stateCursor.change == 0 { stateCursor = loaded.cursor }
        absorb(loaded.file.jobs.filter { saved in
            // Read with this job's credential at its endpoint: a refused credential is not hidden
            // behind another's answer.
            if let key = saved.key, let readBy = loaded.readBy[key], readBy != records[key]?.route?.shareKey { return false }
            guard saved.job?.status.isTerminal != true else { return true }
            if let polled, !(saved.key.flatMap { loaded.readBy[$0] }.map(polled.contains) ?? false) { return false }
            guard let age, let readAt = saved.readAt else { return true }
            return now.timeIntervalSince(readAt) <= age.seconds
        }, sayingFirst: sayingFirst)
        publish()
    }

    /// Takes in saved answers newer than what each job holds. A job seen before goes through
    /// the transitions as after a poll (the stream says them). A job seen first does too with
    /// `sayingFirst` (`seen → …`, while running: nothing else would say it until it changes),
    /// not without (before the run, as when restored: the stream's opening lines say it). The
    /// writer saved their events: they are not saved again here.
    func absorb(_ saved: [StateFile.SavedJob], sayingFirst: Bool = false) {
        let nowDate = clock.date
        let now = clock.elapsed
        var changedAny = false
        var transitions: [Transition] = []
        for saved in saved {
            guard let key = saved.key, var record = records[key], let job = saved.job, let readAt = saved.readAt,
                  record.state.readAt.map({ readAt > $0 }) ?? true else { continue }
            if record.state.job != nil || sayingFirst {
                transitions += TransitionDetector.changes(from: record.state.job, to: job, of: record.state, at: readAt)
                    .map { named($0, in: job, resources: record.state.resources) }
            }
            record.state.job = job
            record.state.readAt = readAt
            // The header's "poll 2s ago": the newest answer, whoever read it.
            lastPollAt = max(lastPollAt ?? readAt, readAt)
            record.readElapsed = now - .seconds(max(0, nowDate.timeIntervalSince(readAt)))
            record.state.lastError = nil
            if record.state.health != .detached { record.state.health = .fresh }
            typical.learn(from: job)
            if job.status.isTerminal {
                record.nextDue = nil
            } else if let route = record.route, let read = record.readElapsed {
                // Polled here again only when it is due after that read.
                let due = read + nextInterval(for: record, base: pollBase(on: route.budgetKey))
                record.nextDue = max(record.nextDue ?? due, due)
            }
            records[key] = record
            recordChanged(key)
            noteResources(of: key)
            changedAny = true
        }
        // In the order they happened, as a poller of them all would have said them.
        transitions.sort { $0.at < $1.at }
        log.append(contentsOf: transitions)
        for transition in transitions {
            for continuation in transitionSubscribers.values { continuation.yield(transition) }
        }
        if changedAny { requestSchedule() }
    }
}
