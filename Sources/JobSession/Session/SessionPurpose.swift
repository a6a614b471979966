/// What a session's engine is for: it decides the few settings that differ between commands.
public enum SessionPurpose: Sendable, Hashable {
    /// `get`, `report`: one answer per job, then stop.
    case read
    /// `wait`: until every job is done; nothing leaves the watch.
    case wait
    /// The dashboard and the stream: for weeks, with a state file.
    case watch
    /// `doctor`: no engine is run.
    case check
}
