import JobModel

/// How a status is drawn: a one-column symbol and a word.
enum StatusLook {
    static func symbol(_ status: JobStatus?, unicode: Bool) -> String {
        switch status?.outcome {
        case .success?: unicode ? "✔" : "+"
        case .fail?: unicode ? "✖" : "x"
        case .running?: unicode ? "▶" : ">"
        case .initial?: unicode ? "○" : "o"
        case .pendingPayment?, .unknown?: "?"
        case nil: unicode ? "·" : "."
        }
    }

    /// The status word: the API's own, verbatim for unknown ones.
    static func word(_ status: JobStatus?, health: JobHealth) -> String {
        if let status { return status.description }
        switch health {
        case .notFound: return "NOT FOUND"
        case .authStopped: return "AUTH STOP"
        case .routeStopped: return "NO ROUTE"
        case .purged: return "PURGED"
        case .stale: return "ERROR"
        case .detached: return "NOT POLLED"
        case .pending, .fresh: return "waiting"
        }
    }

    /// One-column marker for data that is not current or a job that is slow; `nil`: none.
    static func marker(health: JobHealth, slow: Bool) -> String? {
        switch health {
        case .stale: return "~"
        case .purged: return "-"
        case .notFound: return "?"
        case .authStopped, .routeStopped: return "!"
        case .detached: return "="
        case .pending, .fresh: return slow ? "*" : nil
        }
    }

    /// What the marker means, for the reason column and the detail pane.
    static func markerText(health: JobHealth, slow: Bool) -> String? {
        switch health {
        case .stale: return "stale"
        case .purged: return "purged (last state kept)"
        case .notFound: return "not found"
        case .authStopped: return "polling stopped (credential refused)"
        case .routeStopped: return "polling stopped (certificate or proxy: see the header)"
        case .detached: return "not polled (kept from the state file)"
        case .pending, .fresh: return slow ? "slow" : nil
        }
    }
}
