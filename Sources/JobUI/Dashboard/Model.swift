import JobModel
import Foundation

/// Everything the dashboard knows: what the engine reported, what the user did, and what is
/// still to be said. `Dashboard.update` is its only writer; `Dashboard.view` draws it.
public struct Model: Sendable {
    /// Selection, folds, filter, mode, pause, notice, screen size, the dashboard's own notes.
    public var state: ViewState
    /// The engine's newest snapshot, taken in even while paused (the view shows the frozen one).
    public var snapshot: Snapshot
    /// Status changes for the event log: the engine's log as it stood, then its transitions.
    public var log: EventLog
    public var events: [Transition] { log.entries }
    /// `--bell`: ring when a job or sub-job fails, and when everything has finished.
    public var bellOnEvents: Bool
    /// What the terminal can show.
    public var capabilities: TerminalCapabilities
    /// The wall clock as of the last `.tick`, for elapsed times and ages.
    public var now: Date
    /// The time the screen is drawn at: frozen with it while paused.
    public var shownNow: Date { state.isPaused ? (state.frozenAt ?? now) : now }
    /// A `--bell` event happened since the last frame: one ring after the next one, however
    /// many failures it shows.
    public var bellPending = false
    /// Whether the last snapshot had everything finished: the bell rings when that turns true.
    var wasAllDone: Bool
    /// The shown tree's rows, selection and panes at the screen's size: made again only when
    /// what it depends on changes (`refreshGeometry`), read by keys and by `Dashboard.view`.
    var geometry: TreeGeometry

    public init(
        snapshot: Snapshot, state: ViewState = ViewState(), events: [Transition] = [], eventLogLimit: Int = EventLog.bound,
        bellOnEvents: Bool = false, capabilities: TerminalCapabilities = TerminalCapabilities(colors: 0, unicode: true),
        now: Date
    ) {
        self.state = state
        self.snapshot = snapshot
        self.log = EventLog(events, limit: eventLogLimit)
        self.bellOnEvents = bellOnEvents
        self.capabilities = capabilities
        self.now = now
        wasAllDone = snapshot.isAllDone
        geometry = TreeGeometry(state.displayed(snapshot), state)
    }

    /// Makes `geometry` current after `state` or `snapshot` changed (the driver also sets the
    /// screen's size directly); a no-op when nothing it depends on did.
    mutating func refreshGeometry() {
        geometry = geometry.updated(for: state.displayed(snapshot), state)
    }
}
