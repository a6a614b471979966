/// How far the data shown for a job can be trusted.
public enum JobHealth: Sendable, Hashable, Codable {
    /// Never read yet.
    case pending
    /// Read recently (within two poll intervals), or terminal.
    case fresh
    /// The last good state is older than two intervals, or the last request failed.
    case stale
    /// The API says there is no such job and it was never seen.
    case notFound
    /// Seen before, now 404: probably purged after it finished. The last state is kept.
    case purged
    /// The credential was refused (401/403): polling stopped for it.
    case authStopped
    /// Its endpoint's route cannot work as configured (certificate not trusted, proxy login
    /// refused): polling stopped there until the configuration changes.
    case routeStopped
    /// Kept from the state file, but no profile of this run reaches where it lives (an older
    /// state file, a profile not loaded, or one that now points elsewhere): not polled.
    case detached
}
