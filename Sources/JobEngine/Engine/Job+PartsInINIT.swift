import JobModel

extension Job {
    /// How many of its parts (the job, its sub-jobs) are still in INIT: one fewer than the
    /// answer before means a part started.
    var partsInINIT: Int {
        (status == .initial ? 1 : 0) + subJobs.count { $0.status == .initial }
    }
}
