import Foundation
import JobModel
import JobAPI

/// Many processes, one truth: every jobwatch process of a user on a host reads and writes
/// the state database. For each budget one process polls (it holds the lease), for the jobs
/// every live process wants; the others read what it wrote, within a second or two.
extension Engine {
    /// How often the database is checked for another process's writes.
    static var sharePulse: Duration { .milliseconds(500) }
    /// Leases are renewed every this many pulses (2 s) …
    static var leasePulses: Int { 4 }
    /// … and last this long: a dead poller's budget is taken over within 8 s.
    static var leaseDuration: TimeInterval { 6 }

    /// Beside the scheduler until the engine stops.
    func share() async {
        guard let state else { return }
        var pulse = 1
        var lastVersion: Int?
        while !Task.isCancelled {
            try? await clock.sleep(untilElapsed: clock.elapsed + Self.sharePulse)
            if Task.isCancelled { break }
            if pulse % Self.leasePulses == 0 { await leaseRound() }
            if let version = try? await state.dataVersion(), version != lastVersion {
                lastVersion = version
                await pullChanges()
            }
            pulse += 1
        }
    }

    /// Says what this process wants, renews or takes the leases of its budgets, and takes on
    /// what other processes want of the budgets it polls. When the database cannot be
    /// reached, this process polls everything itself: sharing never stops the polling.
    func leaseRound() async {
        guard let state else { return }
        var budgets: [String: BudgetKey] = [:]
        var wanted: [JobKey: StateDatabase.Want] = [:]
        for key in order {
            guard let record = records[key], let route = record.route, record.state.health != .detached else { continue }
            if record.isGuest || !record.state.isTerminal { budgets[route.shareKey] = route.budgetKey }
            if !record.isGuest, !record.state.isTerminal {
                wanted[key] = StateDatabase.Want(key: key, profile: route.profile.name, budget: route.shareKey)
            }
        }
        let newWants = wanted.filter { !wantsSaid.contains($0.key) }.map(\.value)
        let unwanted = wantsSaid.filter { wanted[$0] == nil }
        // Nothing to poll, nothing wanted, no lease held: an idle window writes nothing.
        if budgets.isEmpty, newWants.isEmpty, unwanted.isEmpty, wantsSaid.isEmpty, !holdsLeases {
            if !followed.isEmpty {
                followed = []
                pollers = [:]
                publish()
            }
            return
        }
        let round: StateDatabase.LeaseRound
        // Asked during the round (`r` pressed meanwhile) waits for the next.
        let refreshesSent = refreshing
        do {
            round = try await Task {
                try await state.leaseRound(
                    holder: stateHolder, pid: getpid(), now: clock.date, budgets: Set(budgets.keys), wanted: newWants,
                    unwanted: Array(unwanted), refusing: refusing, refreshing: Array(refreshesSent), leaseFor: Self.leaseDuration
                )
            }.value
        } catch {
            if !followed.isEmpty {
                followed = []
                pollers = [:]
                // The header no longer names another poller.
                publish()
                requestSchedule()
            }
            return
        }
        wantsSaid.subtract(unwanted)
        wantsSaid.formUnion(newWants.map(\.key))
        holdsLeases = !round.held.isEmpty
        refusing = []
        refreshing.subtract(refreshesSent)
        // A budget whose poller cannot answer one of this process's jobs is polled here too.
        let refusedBudgets = Set(round.refused.compactMap { wanted[$0]?.budget })
        let nowFollowed = Set(budgets.filter { !round.held.contains($0.key) && !refusedBudgets.contains($0.key) }.values)
        let nowPollers = Dictionary(budgets.compactMap { share, key in round.pollers[share].map { (key, $0) } }) { first, _ in first }
        if nowFollowed != followed || nowPollers != pollers {
            logger.info("polling shared", metadata: ["polls": "\(round.held.sorted())", "reads": "\(nowFollowed.map(\.description).sorted())"])
            followed = nowFollowed
            pollers = nowPollers
            publish()
        }
        takeOn(round.othersWant)
        // Another window's `r`: read now, as that window would have.
        for key in round.refreshes {
            guard var record = records[key], !record.state.isTerminal else { continue }
            record.nextDue = clock.elapsed
            records[key] = record
            recordChanged(key)
        }
        requestSchedule()
    }

    /// Other processes' jobs of the budgets this one polls, as guests (polled, saved, never
    /// shown); guests nobody wants any more are let go. A job no profile here reaches is
    /// refused at the next round: its process polls it itself.
    private func takeOn(_ wants: [StateDatabase.Want]) {
        let wantedKeys = Set(wants.map(\.key))
        let now = clock.elapsed
        var taken = false
        for want in wants where records[want.key] == nil {
            guard let profile = profile(answering: want), let route = routes.route(profile: profile.name, service: want.key.service) else {
                refusing.append(want)
                continue
            }
            var record = JobRecord(entry: WatchEntry(profile: profile.name, jobID: want.key.jobID, service: want.key.service), key: want.key, route: route, dueAt: now)
            record.isGuest = true
            records[want.key] = record
            order.append(want.key)
            taken = true
        }
        let gone = order.filter { key in records[key]?.isGuest == true && !wantedKeys.contains(key) }
        if !gone.isEmpty {
            let goneSet = Set(gone)
            for key in gone {
                records[key] = nil
                requests[key]?.cancel()
            }
            order.removeAll { goneSet.contains($0) }
            forgetLookups(of: goneSet)
        }
        // The poll queue, the demand and the book's budgets follow at once (`syncWatchList`),
        // before anything else can change the list.
        if taken || !gone.isEmpty { publish() }
    }

    /// The profile here that reaches the wanted job with the same credential at the same
    /// endpoint: the one of its name first, else any (a `wait` given `--endpoint` and a
    /// dashboard's named profile).
    private func profile(answering want: StateDatabase.Want) -> ProfileTarget? {
        func answers(_ profile: ProfileTarget) -> Bool {
            profile.key(for: want.key.jobID, service: want.key.service) == want.key
                && routes.route(profile: profile.name, service: want.key.service)?.shareKey == want.budget
        }
        if let named = routes.profiles[want.profile], answers(named) { return named }
        return routes.profiles.values.sorted { $0.name < $1.name }.first(where: answers)
    }

    /// What other processes wrote since the last look: answers to this engine's jobs, names,
    /// and (for a dashboard) jobs added to or removed from the shared watch list.
    func pullChanges() async {
        guard let state else { return }
        let shared = stateRole == .sharedWatchList
        let keys = Set(records.keys)
        let cursor = stateCursor
        let changes: StateDatabase.Changes
        do {
            changes = try await Task { try await state.changes(after: cursor, keys: keys, watchList: shared) }.value
        } catch {
            logger.warning("other windows' changes not read", metadata: ["error": "\(error)"])
            return
        }
        stateCursor = changes.cursor
        for saved in changes.resources {
            if names.pending[saved.key] != nil {
                resolve(saved.key, as: saved.resource)
            } else {
                names.known[saved.key] = saved.resource
            }
        }
        var answers: [StateFile.SavedJob] = []
        var arrived: [StateFile.SavedJob] = []
        var removed: [JobKey] = []
        for row in changes.jobs {
            let saved = row.job, watched = row.watched
            guard let key = saved.key else { continue }
            if let record = records[key] {
                // Taken off the watch list in another window (not a change of this one's yet to be written).
                if shared, !watched, !record.isGuest, !unsaved.watched.contains(key), !keysBeingWatched.contains(key) {
                    removed.append(key)
                } else {
                    // Polled here for another window, and now on the shared watch list: shown.
                    if shared, watched, record.isGuest {
                        records[key]?.isGuest = false
                        recordChanged(key)
                    }
                    // Read with this window's credential: another's answer is not taken for it.
                    if row.readBy == nil || row.readBy == record.route?.shareKey { answers.append(saved) }
                }
            } else if shared, watched {
                arrived.append(saved)
            }
        }
        absorb(answers, sayingFirst: true)
        for key in removed {
            records[key] = nil
            order.removeAll { $0 == key }
            requests[key]?.cancel()
        }
        if !removed.isEmpty { forgetLookups(of: Set(removed)) }
        if !arrived.isEmpty {
            let restored = Self.restoring(StateFile(savedAt: clock.date, jobs: arrived, events: []), routes: routes, now: clock.elapsed)
            for key in restored.order where records[key] == nil {
                records[key] = restored.records[key]
                order.append(key)
                noteResources(of: key)
            }
        }
        if !answers.isEmpty || !arrived.isEmpty || !removed.isEmpty || !changes.resources.isEmpty {
            publish()
            requestSchedule()
        }
    }
}
