import JobModel

/// The rows the tree shows, as runs rather than a row list: folded jobs side by side are one
/// segment, and so are a batch's folded sub-jobs, however many there are. Without a filter,
/// building costs O(unfolded jobs and their rows): only jobs that can be unfolded (failing
/// ones, those folded or unfolded by hand) are looked at. Finding row `i` is a binary search.
/// Only a filter makes it scan jobs and sub-jobs (to know which pass).
struct VisibleTree: Sendable {
    /// Sub-job indices of a run: all of a range (no filter) or those a filter let through.
    enum Indices {
        case range(Range<Int>)
        case list(ArraySlice<Int>)

        var count: Int {
            switch self {
            case .range(let r): r.count
            case .list(let l): l.count
            }
        }

        subscript(position: Int) -> Int {
            switch self {
            case .range(let r): r.lowerBound + position
            case .list(let l): l[l.startIndex + position]
            }
        }

        /// The position of a sub-job index in the run, if it is there.
        func position(of sub: Int) -> Int? {
            switch self {
            case .range(let r):
                return r.contains(sub) ? sub - r.lowerBound : nil
            case .list(let l):
                var low = l.startIndex
                var high = l.endIndex - 1
                while low <= high {
                    let mid = (low + high) / 2
                    if l[mid] == sub { return mid - l.startIndex }
                    if l[mid] < sub { low = mid + 1 } else { high = mid - 1 }
                }
                return nil
            }
        }
    }

    enum Segment {
        /// Job rows, each folded but maybe the last.
        case jobs(Range<Int>)
        /// Sub-job rows of one job.
        case subJobs(job: Int, Indices)
        /// The entity rows under a job (`sub == nil`) or a sub-job.
        case entities(job: Int, sub: Int?, count: Int)

        var count: Int {
            switch self {
            case .jobs(let jobs): jobs.count
            case .subJobs(_, let indices): indices.count
            case .entities(_, _, let count): count
            }
        }
    }

    private(set) var segments: [Segment] = []
    /// The first row of each segment.
    private(set) var starts: [Int] = []
    private(set) var count = 0

    init(_ snapshot: Snapshot, _ state: ViewState) {
        let unfoldedSubJobs = Self.unfoldedSubJobs(snapshot, state)
        guard state.filter != .all else {
            // Every job passes, folded unless failing or unfolded by hand: the jobs between
            // those are one run each.
            var folded = 0
            for job in Self.unfoldable(snapshot, state) where Self.isUnfolded(NodeRef(job: job), snapshot, state) {
                append(.jobs(folded..<(job + 1)))
                appendChildren(of: job, passing: nil, unfolded: unfoldedSubJobs[job] ?? [], snapshot)
                folded = job + 1
            }
            append(.jobs(folded..<snapshot.jobs.count))
            return
        }
        for job in snapshot.jobs.indices {
            var passing: [Int]?
            if state.filter.picksSubJobs {
                passing = snapshot.passingSubJobs(job, state.filter)
                guard snapshot.jobPassesItself(job, state.filter) || !(passing!.isEmpty) else { continue }
            } else if !snapshot.jobPassesItself(job, state.filter) {
                continue
            }
            appendJob(job)
            guard Self.isUnfolded(NodeRef(job: job), snapshot, state, hasPassingChildren: !(passing?.isEmpty ?? true)) else { continue }
            appendChildren(of: job, passing: passing, unfolded: unfoldedSubJobs[job] ?? [], snapshot)
        }
    }

    /// The rows under an unfolded job: its sub-jobs (those passing, with a filter), else its
    /// entities.
    private mutating func appendChildren(of job: Int, passing: [Int]?, unfolded: [Int], _ snapshot: Snapshot) {
        let subCount = snapshot.subJobs(of: job).count
        guard subCount > 0 else {
            let entityCount = snapshot.entities(under: NodeRef(job: job)).count
            if entityCount > 0 { append(.entities(job: job, sub: nil, count: entityCount)) }
            return
        }
        let indices: Indices = passing.map { .list($0[...]) } ?? .range(0..<subCount)
        appendSubJobs(job: job, indices, unfolded: unfolded, snapshot)
    }

    /// A job's row: the run before it grows when it is next to it.
    private mutating func appendJob(_ job: Int) {
        if case .jobs(let run)? = segments.last, run.upperBound == job {
            segments[segments.count - 1] = .jobs(run.lowerBound..<(job + 1))
            count += 1
        } else {
            append(.jobs(job..<(job + 1)))
        }
    }

    /// Splits a run of sub-jobs around the unfolded ones, whose entities follow them.
    private mutating func appendSubJobs(job: Int, _ indices: Indices, unfolded: [Int], _ snapshot: Snapshot) {
        var runStart = 0
        for sub in unfolded.sorted() {
            guard let position = indices.position(of: sub) else { continue }
            let entityCount = snapshot.entities(under: NodeRef(job: job, subJob: sub)).count
            guard entityCount > 0 else { continue }
            append(.subJobs(job: job, slice(indices, runStart..<(position + 1))))
            append(.entities(job: job, sub: sub, count: entityCount))
            runStart = position + 1
        }
        if runStart < indices.count { append(.subJobs(job: job, slice(indices, runStart..<indices.count))) }
    }

    private func slice(_ indices: Indices, _ positions: Range<Int>) -> Indices {
        switch indices {
        case .range(let r): .range((r.lowerBound + positions.lowerBound)..<(r.lowerBound + positions.upperBound))
        case .list(let l): .list(l[(l.startIndex + positions.lowerBound)..<(l.startIndex + positions.upperBound)])
        }
    }

    private mutating func append(_ segment: Segment) {
        guard segment.count > 0 else { return }
        segments.append(segment)
        starts.append(count)
        count += segment.count
    }

    // MARK: - Folding

    /// Unfolded by hand, or by default: failed jobs, batches with a failed sub-job (which one
    /// failed, and why, is what the operator looks for; unless `expandFailed` is off), and jobs
    /// whose sub-jobs pass an active filter.
    static func isUnfolded(_ ref: NodeRef, _ snapshot: Snapshot, _ state: ViewState, hasPassingChildren: Bool = false) -> Bool {
        if let override = state.foldOverrides[snapshot.nodeID(of: ref)] { return override }
        guard ref.isJob else { return false }
        let job = snapshot.jobs[ref.job]
        let failed = state.expandFailed && (job.status == .fail || job.failedSubJobs > 0)
        return failed || (state.filter.picksSubJobs && hasPassingChildren)
    }

    /// The jobs that may be unfolded without a filter, ascending: failing ones (when failures
    /// unfold) and those with a fold of their own. The snapshot's digest lists the failing.
    private static func unfoldable(_ snapshot: Snapshot, _ state: ViewState) -> [Int] {
        var jobs = Set(state.expandFailed ? snapshot.digest.failing : [])
        for id in state.foldOverrides.keys {
            guard case .job = id, let ref = snapshot.ref(for: id, hint: nil) else { continue }
            jobs.insert(ref.job)
        }
        return jobs.sorted()
    }

    /// Sub-jobs unfolded by hand, by job index: found from the (few) overrides, not by scanning.
    private static func unfoldedSubJobs(_ snapshot: Snapshot, _ state: ViewState) -> [Int: [Int]] {
        var result: [Int: [Int]] = [:]
        for (id, unfolded) in state.foldOverrides where unfolded {
            guard case .subJob = id, let ref = snapshot.ref(for: id, hint: nil), let sub = ref.subJob else { continue }
            result[ref.job, default: []].append(sub)
        }
        return result
    }

    // MARK: - Rows

    /// The node shown on row `row` (0 ≤ row < count).
    func node(at row: Int) -> NodeRef {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= row { low = mid } else { high = mid - 1 }
        }
        let offset = row - starts[low]
        switch segments[low] {
        case .jobs(let jobs): return NodeRef(job: jobs.lowerBound + offset)
        case .subJobs(let job, let indices): return NodeRef(job: job, subJob: indices[offset])
        case .entities(let job, let sub, _): return NodeRef(job: job, subJob: sub, entity: offset)
        }
    }

    /// The row showing `ref`, or `nil` when it is folded away or filtered out.
    func row(of ref: NodeRef) -> Int? {
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .jobs(let jobs):
                if ref.isJob, jobs.contains(ref.job) { return starts[index] + ref.job - jobs.lowerBound }
            case .subJobs(let job, let indices):
                if ref.isSubJob, job == ref.job, let position = indices.position(of: ref.subJob!) {
                    return starts[index] + position
                }
            case .entities(let job, let sub, let count):
                if let entity = ref.entity, job == ref.job, sub == ref.subJob, entity < count {
                    return starts[index] + entity
                }
            }
        }
        return nil
    }

    /// The row of `ref`, or of its nearest shown ancestor.
    func nearestRow(of ref: NodeRef) -> Int? {
        var current: NodeRef? = ref
        while let node = current {
            if let row = row(of: node) { return row }
            current = node.parent
        }
        return nil
    }
}
