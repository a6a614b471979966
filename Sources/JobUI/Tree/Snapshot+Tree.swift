import JobModel

// MARK: - Reading nodes out of a snapshot

extension Snapshot {
    func subJobs(of job: Int) -> [Job] {
        jobs[job].job?.subJobs ?? []
    }

    /// The job or sub-job a row stands for (`nil` for entities and jobs never read).
    func apiJob(at ref: NodeRef) -> Job? {
        guard ref.entity == nil else { return nil }
        guard let sub = ref.subJob else { return jobs[ref.job].job }
        return subJobs(of: ref.job)[sub]
    }

    /// The job or sub-job that owns the row: itself, or the owner of an entity.
    func owner(of ref: NodeRef) -> Job? {
        guard let sub = ref.subJob else { return jobs[ref.job].job }
        return subJobs(of: ref.job)[sub]
    }

    /// The entities shown under a job without sub-jobs, or under a sub-job.
    func entities(under ref: NodeRef) -> [EntityAttribute] {
        guard ref.entity == nil else { return [] }
        if let sub = ref.subJob { return subJobs(of: ref.job)[sub].entities.attributes }
        let job = jobs[ref.job].job
        // A batch shows its sub-jobs; its own entities would repeat them.
        guard let job, job.subJobs.isEmpty else { return [] }
        return job.entities.attributes
    }

    func entity(at ref: NodeRef) -> EntityAttribute? {
        guard let index = ref.entity else { return nil }
        return entities(under: NodeRef(job: ref.job, subJob: ref.subJob))[index]
    }

    func hasChildren(_ ref: NodeRef) -> Bool {
        guard ref.entity == nil else { return false }
        if ref.subJob == nil, !subJobs(of: ref.job).isEmpty { return true }
        return !entities(under: ref).isEmpty
    }

    /// The token naming a sub-job in a `NodeID`.
    func subJobToken(job: Int, sub: Int) -> String {
        subJobs(of: job)[sub].id ?? "#\(sub)"
    }

    func nodeID(of ref: NodeRef) -> NodeID {
        let key = jobs[ref.job].key
        let subToken = ref.subJob.map { subJobToken(job: ref.job, sub: $0) }
        if let entity = ref.entity {
            let attribute = entities(under: NodeRef(job: ref.job, subJob: ref.subJob))[entity]
            return .entity(key, subJob: subToken, key: attribute.key)
        }
        if let subToken { return .subJob(key, subToken) }
        return .job(key)
    }

    /// Finds a node again; `hint` (where it was in an earlier snapshot) is tried first.
    func ref(for id: NodeID, hint: NodeRef?) -> NodeRef? {
        let key = id.jobKey
        let jobIndex: Int
        if let hint, hint.job < jobs.count, jobs[hint.job].key == key {
            jobIndex = hint.job
        } else if let found = index(of: key) {
            jobIndex = found
        } else {
            return nil
        }
        switch id {
        case .job:
            return NodeRef(job: jobIndex)
        case .subJob(_, let token):
            guard let sub = subJobIndex(job: jobIndex, token: token, hint: hint?.subJob) else { return nil }
            return NodeRef(job: jobIndex, subJob: sub)
        case .entity(_, let subToken, let entityKey):
            var owner = NodeRef(job: jobIndex)
            if let subToken {
                guard let sub = subJobIndex(job: jobIndex, token: subToken, hint: hint?.subJob) else { return nil }
                owner.subJob = sub
            }
            guard let entity = entities(under: owner).firstIndex(where: { $0.key == entityKey }) else { return nil }
            owner.entity = entity
            return owner
        }
    }

    func subJobIndex(job: Int, token: String, hint: Int?) -> Int? {
        let subs = subJobs(of: job)
        if let hint, hint < subs.count, subJobToken(job: job, sub: hint) == token { return hint }
        if token.hasPrefix("#"), let index = Int(token.dropFirst()), index < subs.count, subs[index].id == nil {
            return index
        }
        return subs.firstIndex { $0.id == token }
    }
}

// MARK: - Filters

extension Snapshot {
    /// Whether a sub-job passes the filter.
    func subJobPasses(job: Int, sub: Int, _ filter: Filter) -> Bool {
        let subJob = subJobs(of: job)[sub]
        switch filter {
        case .all: return true
        case .failed: return subJob.status == .fail
        case .running: return !subJob.status.isTerminal
        case .slow: return subJob.id.map { jobs[job].slowSubJobIDs.contains($0) } ?? false
        case .service(let service): return jobs[job].key.service == service
        }
    }

    /// Whether a job passes the filter by itself (not through its sub-jobs).
    func jobPassesItself(_ job: Int, _ filter: Filter) -> Bool {
        let state = jobs[job]
        switch filter {
        case .all: return true
        case .failed: return state.status == .fail
        case .running: return !state.isTerminal
        case .slow: return state.isSlow || !state.slowSubJobIDs.isEmpty
        case .service(let service): return state.key.service == service
        }
    }

    /// The services of the watched jobs, in `Service.all` order.
    var services: [Service] {
        Service.all.filter(digest.services.contains)
    }

    /// The sub-jobs that pass the filter, in order (a scan: only done while a filter is on).
    func passingSubJobs(_ job: Int, _ filter: Filter) -> [Int] {
        let subs = subJobs(of: job)
        return subs.indices.filter { subJobPasses(job: job, sub: $0, filter) }
    }
}
