extension Job {
    /// Sub-jobs of sub-jobs (CCE nests them to any depth) brought up into the one list of
    /// sub-jobs, in tree order, each marked with its depth and parent: every view, count and
    /// output then shows a tree of any depth as rows, indented by `nesting`.
    public func flatteningSubJobs() -> Job {
        guard subJobs.contains(where: { !$0.subJobs.isEmpty }) else { return self }
        var flat: [Job] = []
        func add(_ jobs: [Job], depth: Int, parent: String?) {
            for var sub in jobs {
                let children = sub.entities.subJobs
                sub.entities.subJobs = []
                if depth > 0 {
                    sub.nesting = depth
                    sub.parentID = parent
                }
                flat.append(sub)
                add(children, depth: depth + 1, parent: sub.id)
            }
        }
        add(subJobs, depth: 0, parent: id)
        var job = self
        job.entities.subJobs = flat
        return job
    }
}
