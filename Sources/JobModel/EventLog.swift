/// The event log keeps this many transitions, the newest (README, "State file").
public enum EventLog {
    public static let bound = 10_000
}
