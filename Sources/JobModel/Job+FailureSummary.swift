extension Job {
    /// A failed job's reason in one line: `3/24 sub-jobs failed: quota exceeded` for a batch,
    /// else its own reason.
    public var failureSummary: String? {
        let failed = subJobs.filter { $0.status == .fail }
        guard !failed.isEmpty else { return failureReason }
        let total = entities.subJobsTotal ?? subJobs.count
        let first = failed.compactMap(\.failureReason).first ?? failureReason
        return "\(failed.count)/\(total) sub-jobs failed" + (first.map { ": \($0)" } ?? "")
    }
}
