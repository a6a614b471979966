import JobModel

/// What the dashboard asks of the polling engine; the engine's owner implements it.
/// Calls may take a while (a first request for a new job): the dashboard never waits for them.
protocol DashboardControl: Sendable {
    /// Polls `key` now, or every watched job when `nil`.
    func refresh(_ key: JobKey?) async
    /// Starts watching the job. Returns `nil` when it is watched, else a one-line reason to show.
    func add(_ reference: JobReference) async -> String?
    /// Stops watching `key`.
    func remove(_ key: JobKey) async
}
