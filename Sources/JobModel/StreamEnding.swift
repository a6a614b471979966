/// Why a stream of snapshots (`wait`, the non-terminal stream) ended, with the jobs' states.
public enum StreamEnding: Sendable {
    case allDone([JobState])
    case failedFast([JobState])
    case timedOut([JobState])
    case interrupted(signal: Int32, [JobState])

    public var states: [JobState] {
        switch self {
        case .allDone(let s), .failedFast(let s), .timedOut(let s), .interrupted(_, let s): s
        }
    }

    /// The same ending over the engine's last states, taken after it stopped. The summary must
    /// never come from an earlier moment than the last line printed: a request in flight when
    /// the timeout fired may still have finished every job (it was printed as `→ SUCCESS`).
    public func settled(with final: Snapshot) -> StreamEnding {
        switch self {
        case .allDone: .allDone(final.jobs)
        case .failedFast: .failedFast(final.jobs)
        case .timedOut: final.isAllDone ? .allDone(final.jobs) : .timedOut(final.jobs)
        case .interrupted(let signal, _): .interrupted(signal: signal, final.jobs)
        }
    }
}
