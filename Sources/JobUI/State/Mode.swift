import JobModel

/// What the keyboard is talking to.
public enum Mode: Sendable, Hashable {
    /// The tree: navigation keys and commands.
    case normal
    /// `/`: typing a search text.
    case searching(text: String)
    /// `a`: typing a job ID; `problem` is why the last Enter was refused.
    case addingJob(text: String, problem: String?)
    /// `?`: the key list; `offset` is its first line shown (it scrolls when it does not fit).
    case help(offset: Int)
    /// `e`: transitions, newest first; `offset` is the first shown.
    case eventLog(offset: Int)
    /// `v`: the selected batch (or every job) as bars on a time axis; `offset` is the first bar shown.
    case timeline(offset: Int)
    /// `q` while jobs still run: waiting for y/n.
    case confirmingQuit
    /// `d`: waiting for `y`; any other key keeps the job (a stray `d` must not lose a batch).
    case confirmingRemove(JobKey)
}
