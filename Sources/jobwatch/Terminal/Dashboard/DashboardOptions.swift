import JobModel
import JobSession

/// How the dashboard behaves, from the command line.
struct DashboardOptions: Sendable {
    /// `--bell`: ring when a job or sub-job fails, and when everything has finished.
    var bell = false
    /// What the header names first (`prod · cn-north-4`); empty: the profiles of the jobs.
    var context = ""
    /// Transitions kept for the event log; older ones are dropped.
    var eventLogLimit = EventLog.bound
    /// How often the screen is rendered again while elapsed times count seconds (unchanged rows
    /// are not written); slower when only coarse ages move, never while paused.
    var tick: Duration = .seconds(1)

    /// `ui.time_zone: utc` or `--utc`: times start in UTC (`t` toggles).
    var utc = false
    /// `ui.expand_failed`: failed batches start unfolded (false: folded like the others).
    var expandFailed = true
    /// Transitions from before this session (the state file), oldest first.
    var earlierEvents: [Transition] = []
    /// `ui.theme`: the background the colours are chosen for (`auto`: ask the terminal).
    var theme: JobwatchConfig.UISettings.ThemeChoice = .auto

    init(bell: Bool = false, context: String = "", utc: Bool = false, expandFailed: Bool = true, earlierEvents: [Transition] = []) {
        self.bell = bell
        self.context = context
        self.utc = utc
        self.expandFailed = expandFailed
        self.earlierEvents = earlierEvents
    }
}
