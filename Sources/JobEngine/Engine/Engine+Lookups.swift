import Foundation
import JobAPI
import JobModel

/// Names of the servers and volumes jobs name: asked after the polls, in batches, within a
/// small share of the credential's budget, and only when no poll is delayed by it.
extension Engine {
    var lookupsEnabled: Bool { settings.names && lookups != nil }

    package var lookupBookSizes: LookupBookSizes { names.sizes }

    /// Takes in what a job's answer names: known resources are attached at once, the others
    /// are queued (once; a resource already queued or refused is not queued again).
    func noteResources(of key: JobKey) {
        guard var record = records[key], let job = record.state.job, let profile = record.route?.profile else { return }
        let now = clock.elapsed
        var attached = false
        for part in [job] + job.subJobs {
            for (kind, id) in ResourceReference.named(by: part) {
                let api = LookupAPI.forEntity(kind, of: key.service)
                guard let lookupRoute = routes.route(profile: profile.name, service: api.service) else { continue }
                let resourceKey = ResourceKey(api: api, endpoint: lookupRoute.host, projectID: profile.projectID, id: id)
                if let known = names.known[resourceKey] {
                    if record.state.resources[id] != known {
                        record.state.resources[id] = known
                        attached = true
                    }
                    continue
                }
                // Nothing will be asked for an abandoned or refused one: no user to remember
                // (every answer of every job naming it would add one back).
                guard lookupsEnabled, record.state.health != .detached, !names.abandoned.contains(resourceKey),
                      names.refused[lookupRoute.budgetKey] == nil else { continue }
                names.users[resourceKey, default: []].insert(key)
                if let attempt = names.pending[resourceKey] {
                    // Dropped from the queue while no job naming it had a route: asked again.
                    if !attempt.inFlight, !nameQueue.isQueued(resourceKey) { nameQueue.enqueue(resourceKey, dueAt: attempt.dueAt) }
                } else {
                    names.pending[resourceKey] = LookupBook.Attempt(dueAt: now)
                    nameQueue.enqueue(resourceKey, dueAt: now)
                }
            }
        }
        if attached {
            records[key] = record
            book.markDirty(key)
        }
    }

    /// Sends the lookups that are due and allowed; returns when to look again, if ever. Due
    /// names wait in their group in key order (`LookupQueue`), so batches are the same each run,
    /// and a pass looks at the batches it sends, not at every name waiting.
    func scheduleLookups(now: Duration) -> Duration? {
        guard lookupsEnabled, !names.pending.isEmpty else { return nil }
        var wake: Duration?
        func wakeAt(_ time: Duration) { wake = min(wake ?? time, time) }

        promoteDueLookups(now: now)
        // Batched APIs first: more names for each request.
        for group in nameQueue.readyLanes {
            guard let route = routes.route(profile: group.profile, service: group.api.service) else { continue }
            // Another process polls that budget, and writes the names it finds.
            if names.refused[route.budgetKey] != nil || gate.stop(of: route) != nil || followed.contains(route.budgetKey) { continue }
            if let until = gate.throttledUntil(route.host, now: now) {
                wakeAt(until)
                continue
            }
            let plan = nameQueue.plan(group)
            while let size = nameQueue.nextBatchSize(group, plan) {
                guard gate.hasRoom(at: route.host) else { break }
                let cost = Self.requestsAtMost(group.api, ids: size)
                guard let slot = lookupSlot(route.budgetKey, cost: cost, now: now) else { break }
                if slot > now {
                    wakeAt(slot)
                    break
                }
                // Counted before it goes, the possible second ECS request too: a poll planned
                // while the lookup is out already sees what it costs.
                gate.begin(on: route, cost: cost, now: now)
                names.shares[route.budgetKey, default: lookupShare(of: gate.budget(route.budgetKey))].record(at: now)
                sendLookup(nameQueue.takeBatch(group, plan, size: size), api: group.api, route: route)
            }
        }
        if let due = nameQueue.nextDue() { wakeAt(due) }
        return wake
    }

    /// Names due at `now` join their group: where they are asked, and whether ever before.
    private func promoteDueLookups(now: Duration) {
        nameQueue.promote(now: now) { key in
            guard let attempt = names.pending[key], !attempt.inFlight, let route = lookupRoute(for: key) else { return nil }
            return (LookupGroup(api: key.api, endpoint: key.endpoint, projectID: key.projectID, profile: route.profile.name), attempt.attempts == 0)
        }
    }

    /// When a lookup of `cost` requests may go on this budget: its share allows it, and every
    /// poll expected while those requests count against the budget gets the same slot with
    /// them as without them. `nil`: not until a poll has gone.
    func lookupSlot(_ budgetKey: BudgetKey, cost: Int, now: Duration) -> Duration? {
        let shared = gate.budget(budgetKey)
        let share = names.shares[budgetKey] ?? lookupShare(of: shared)
        let slot = max(shared.nextSlot(at: now), share.nextSlot(at: now))
        guard slot <= now else { return slot }
        var with = shared
        for _ in 0..<cost { with.record(at: now) }
        var without = shared
        for due in expectedPolls(on: budgetKey, now: now, within: RateBudget.window + RateBudget.guardTime) {
            let at = max(due, now)
            let free = without.nextSlot(at: at)
            let taken = with.nextSlot(at: at)
            if taken > free { return nil }
            without.record(at: free)
            with.record(at: taken)
        }
        return now
    }

    /// The requests a lookup may cost: an ECS batch may need the other filter form.
    static func requestsAtMost(_ api: LookupAPI, ids: Int) -> Int {
        api == .ecsServers && ids > 1 ? 2 : 1
    }

    /// The lookups' own budget: `LookupBook.share` of the shared one's; all of it for `get`,
    /// whose jobs are read once (the slot check still keeps every unread job's poll first).
    func lookupShare(of shared: RateBudget) -> RateBudget {
        RateBudget(limitPerMinute: max(1, shared.limit(at: clock.elapsed) * (settings.oneShot ? 1 : LookupBook.share)))
    }

    /// The polls expected on a budget from now to `horizon` later, soonest first: each job's
    /// next due and then every interval it was last given (a job in flight is due an interval
    /// from now). A lookup's request counts for a whole window, so a check of only the next
    /// poll would let it hold back the ones after.
    /// The jobs looked at are those in flight and those queued due within the horizon
    /// (`PollQueue.forEachQueued`), not every job.
    private func expectedPolls(on budgetKey: BudgetKey, now: Duration, within horizon: Duration) -> [Duration] {
        let end = now + horizon
        var dues: [Duration] = []
        func expect(_ record: JobRecord) {
            guard record.route?.budgetKey == budgetKey else { return }
            // `get` reads each job once: a job it has read is not asked again for it.
            if settings.oneShot, record.state.job != nil || record.state.isSettled { return }
            let interval = max(.seconds(1), record.lastInterval ?? settings.interval)
            var due: Duration
            if record.inFlight {
                due = now + interval
            } else if let next = record.nextDue {
                due = next
            } else {
                return
            }
            while due <= end {
                dues.append(due)
                due = max(due, now) + interval
            }
        }
        for key in requests.keys {
            if let record = records[key], record.inFlight { expect(record) }
        }
        polls.forEachQueued(on: budgetKey, dueBy: end) { key, _ in
            if let record = records[key], !record.inFlight { expect(record) }
        }
        return dues.sorted()
    }

    /// Where a resource is asked: through the profile of a job naming it (its credential signs
    /// the lookup), to the lookup API's service.
    private func lookupRoute(for key: ResourceKey) -> JobRoute? {
        for jobKey in (names.users[key] ?? []).sorted() {
            if let profile = records[jobKey]?.route?.profile { return routes.route(profile: profile.name, service: key.api.service) }
        }
        return nil
    }

    /// Asks for a batch of names; the gate has counted its requests.
    private func sendLookup(_ batch: [ResourceKey], api: LookupAPI, route: JobRoute) {
        guard let lookups else { return }
        for key in batch { names.pending[key]?.inFlight = true }
        let target = route.lookupTarget(api: api)
        let host = route.host
        let budgetKey = route.budgetKey
        let id = UUID()
        let signingDate = clock.date
        let source = route.profile.credentialSource
        lookupTasks[id] = Task {
            let result: Result<ResourceLookup, APIError>
            do throws(APIError) {
                // The same source as the polls: a temporary credential is the current one.
                let credential = try await source.current(now: signingDate)
                result = .success(try await lookups.lookUp(batch.map(\.id), at: target, credential: credential, now: signingDate))
            } catch {
                result = .failure(error)
            }
            self.receiveLookup(result, for: batch, task: id, host: host, budgetKey: budgetKey, cancelled: Task.isCancelled)
        }
    }

    private func receiveLookup(_ result: Result<ResourceLookup, APIError>, for batch: [ResourceKey], task: UUID, host: String, budgetKey: BudgetKey, cancelled: Bool) {
        lookupTasks[task] = nil
        gate.end(at: host)
        let now = clock.elapsed
        switch result {
        case .success(let lookup):
            for key in batch {
                if let resource = lookup.resources[key.id] {
                    resolve(key, as: resource)
                } else {
                    missed(key, now: now)
                }
            }
        case .failure(let error) where error.httpStatus == 403:
            if names.refused[budgetKey] == nil {
                names.refused[budgetKey] = error.description
                names.notices.append("names off for \(budgetKey.credential): lookups refused (HTTP 403\(error.code.map { " \($0)" } ?? "")) — IDs are shown instead")
                logger.warning("lookups refused", metadata: ["credential": "\(budgetKey)", "error": "\(error)"])
            }
            for key in names.pending.keys where lookupRoute(for: key)?.budgetKey == budgetKey {
                names.pending[key] = nil
                names.users[key] = nil
                nameQueue.remove(key)
            }
        case .failure(let error):
            if !cancelled { logger.info("lookup failed", metadata: ["error": "\(error)"]) }
            for key in batch {
                if cancelled {
                    names.pending[key]?.inFlight = false
                    if let attempt = names.pending[key] { nameQueue.enqueue(key, dueAt: attempt.dueAt) }
                } else {
                    missed(key, now: now)
                }
            }
        }
        changed()
    }

    func resolve(_ key: ResourceKey, as resource: Resource) {
        // No longer pending: every job naming it left the watch while it was asked.
        guard names.pending.removeValue(forKey: key) != nil else { return }
        nameQueue.remove(key)
        names.known[key] = resource
        if state != nil { unsaved.resources[key] = resource }
        for jobKey in names.users.removeValue(forKey: key) ?? [] {
            records[jobKey]?.state.resources[key.id] = resource
            book.markDirty(jobKey)
        }
    }

    /// Not found, not named yet, or the lookup failed: again later, a few times, then never.
    private func missed(_ key: ResourceKey, now: Duration) {
        guard var attempt = names.pending[key] else { return }
        attempt.attempts += 1
        attempt.inFlight = false
        guard attempt.attempts < LookupBook.maxAttempts else {
            names.pending[key] = nil
            names.users[key] = nil
            names.abandoned.insert(key)
            nameQueue.remove(key)
            return
        }
        attempt.dueAt = now + LookupBook.retryDelay(afterAttempts: attempt.attempts)
        names.pending[key] = attempt
        nameQueue.enqueue(key, dueAt: attempt.dueAt)
    }

    /// Lookups in flight or due now: `get` waits for them. Every pending name not in flight
    /// is queued, and once the due ones are promoted only those not due yet still wait.
    var lookupsOutstanding: Int {
        guard lookupsEnabled else { return 0 }
        promoteDueLookups(now: clock.elapsed)
        return names.pending.count - nameQueue.waitingCount
    }
}

/// Lookups that may share a request: same API, endpoint and project, signed by one profile.
struct LookupGroup: Sendable, Hashable, Comparable {
    var api: LookupAPI
    var endpoint: String
    var projectID: String
    var profile: String

    static func < (a: LookupGroup, b: LookupGroup) -> Bool {
        (a.api.rawValue, a.endpoint, a.projectID, a.profile) < (b.api.rawValue, b.endpoint, b.projectID, b.profile)
    }
}

extension Engine {
    /// Jobs left the watch list: the book forgets them as users, and forgets resources no job
    /// on the list names any more (resolved or abandoned), so a dashboard that runs for weeks
    /// keeps only what its watch list names.
    func forgetLookups(of gone: Set<JobKey>) {
        for (resource, jobs) in names.users where !jobs.isDisjoint(with: gone) {
            let left = jobs.subtracting(gone)
            names.users[resource] = left.isEmpty ? nil : left
            // Still in flight: its answer finds no pending entry and no user, and is dropped.
            if left.isEmpty {
                names.pending[resource] = nil
                nameQueue.remove(resource)
            }
        }
        var named: Set<String> = []
        for record in records.values {
            guard let job = record.state.job else { continue }
            for part in [job] + job.subJobs {
                for (_, id) in ResourceReference.named(by: part) { named.insert(id) }
            }
        }
        names.known = names.known.filter { named.contains($0.key.id) }
        names.abandoned = names.abandoned.filter { named.contains($0.id) }
    }

    /// The resources still named by a job on the watch list (a resource of a job that left
    /// it is forgotten with it), sorted so the file is stable.
    func savedResources() -> [StateFile.SavedResource]? {
        guard !names.known.isEmpty else { return nil }
        var named: Set<String> = []
        for record in records.values {
            named.formUnion(record.state.resources.keys)
        }
        let kept = names.known.filter { named.contains($0.key.id) }.sorted { $0.key < $1.key }
        return kept.isEmpty ? nil : kept.map { StateFile.SavedResource(key: $0.key, resource: $0.value) }
    }
}

extension Engine {
    /// A transition with the name of the server or volume its job or sub-job names, if known.
    func named(_ transition: Transition, in job: Job, resources: [String: Resource]) -> Transition {
        guard !resources.isEmpty else { return transition }
        let part = transition.subJobID.flatMap { id in job.subJobs.first { $0.id == id } } ?? job
        var named = transition
        named.resourceName = ResourceReference.named(by: part).lazy.compactMap { resources[$0.id]?.name }.first { !$0.isEmpty }
        return named
    }
}
