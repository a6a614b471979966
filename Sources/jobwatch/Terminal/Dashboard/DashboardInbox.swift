import JobUI

/// What reaches the driver's loop, handled one at a time on `CursesActor`.
enum DashboardInbox: Sendable {
    /// For `Dashboard.update`.
    case message(Message)
    /// The engine published a snapshot: the newest waits in the loop's `LatestValue`, so a
    /// slow screen skips snapshots instead of falling behind.
    case snapshotReady
    /// Draw once the items queued before this one are handled: a burst of transitions or a
    /// paste becomes one frame.
    case render
}
