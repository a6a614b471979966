/// What a key does on the tree (normal mode); `KeyBindings` says which keys do it.
enum TreeAction: Sendable, Hashable, CaseIterable {
    case moveUp, moveDown
    case pageUp, pageDown
    case first, last
    case unfold
    /// Folds the row if it is unfolded, else goes up to its parent.
    case foldOrGoUp
    case toggleFold
    case nextFilter
    case search
    case nextMatch, previousMatch
    case addJobs
    case removeJob
    case refresh, refreshAll
    case copyID
    case toggleUTC
    case togglePause
    case eventLog
    case timeline
    case toggleDetail
    case help
    case clearSearch
    case quit
    case redraw
}
