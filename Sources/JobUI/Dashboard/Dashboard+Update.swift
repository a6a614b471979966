import JobModel
import Foundation

// MARK: - Every message

extension Dashboard {
    /// Applies one message. Pure: the same inputs give the same outputs.
    public static func update(_ model: Model, _ message: Message) -> (Model, [Effect]) {
        var next = model
        let effects = update(&next, message)
        return (next, effects)
    }

    /// The same, in place: the driver's model is not copied. A copy would be mutated, so each
    /// message would copy the event log (10,000 transitions) and the rest of the model.
    public static func update(_ next: inout Model, _ message: Message) -> [Effect] {
        // The driver sets the screen's first size on the model directly.
        next.refreshGeometry()
        let effects: [Effect]
        switch message {
        case .key(let key):
            let frozenAt = next.state.frozenAt
            next.state.notice = nil
            effects = self.key(key, &next)
            next.state.frozenAt = next.state.isPaused ? (frozenAt ?? next.now) : nil
        case .paste(let text):
            next.state.notice = nil
            effects = paste(text, &next.state, snapshot: next.snapshot)
        case .resize(let size):
            next.state.notice = nil
            resize(to: size, &next)
            effects = []
        case .snapshot(let snapshot):
            next.snapshot = snapshot
            next.refreshGeometry()
            // While paused the screen keeps the frozen tree, but the selection is still looked
            // for in the newest one: unpausing lands where it was last seen there.
            let newest = next.state.isPaused ? TreeGeometry(snapshot, next.state) : next.geometry
            Selection.remember(&next.state, in: snapshot, newest.tree)
            // Once when it becomes true: later snapshots of a finished watch stay quiet.
            if snapshot.isAllDone, !next.wasAllDone, next.bellOnEvents { next.bellPending = true }
            next.wasAllDone = snapshot.isAllDone
            effects = []
        case .transition(let transition):
            next.log.append(transition)
            if transition.to == .fail, next.bellOnEvents { next.bellPending = true }
            effects = []
        case .tick(let now):
            next.now = now
            effects = []
        case .added:
            // The prompt already said "added …"; the job shows with the next snapshot.
            effects = []
        case .addFailed(let reference, let problem):
            next.state.notice = "\(reference.text): \(problem)"
            effects = []
        case .removed(let key):
            next.state.notice = "removed \(key.jobID) from the watch"
            effects = []
        case .copied(let text):
            next.state.notice = "copied \(text)"
            effects = []
        case .copyFailed:
            next.state.notice = "this terminal cannot take a copy (no OSC 52)"
            effects = []
        case .signal(let number):
            effects = [.exit(.signal(number))]
        case .hangup:
            effects = [.exit(.hangup)]
        case .drawn:
            effects = next.bellPending ? [.bell] : []
            next.bellPending = false
        }
        // Folds, filter, selection, panes, size or the shown snapshot may have changed.
        next.refreshGeometry()
        return effects
    }

    /// A key, by what the keyboard is talking to.
    private static func key(_ key: Key, _ model: inout Model) -> [Effect] {
        // Ctrl-L redraws whatever the keyboard is talking to.
        if KeyBindings.action(for: key) == .redraw { return [.redraw] }
        let snapshot = model.snapshot
        switch model.state.mode {
        case .normal: return normalKey(key, &model.state, &model.geometry, latest: snapshot)
        case .searching(let text): return searchPromptKey(key, text, &model.state, &model.geometry, snapshot: model.state.displayed(snapshot))
        case .addingJob(let text, _): return addJobPromptKey(key, text, &model.state, snapshot: snapshot)
        case .help(let offset): return helpKey(key, offset, &model.state, unicode: model.capabilities.unicode)
        case .eventLog(let offset): return eventLogKey(key, offset, &model.state, events: model.events)
        case .timeline(let offset): return timelineKey(key, offset, &model.state, latest: snapshot, selected: model.geometry.selectedNode, now: model.now)
        case .confirmingQuit: return confirmQuitKey(key, &model.state)
        case .confirmingRemove(let jobKey):
            let effects = confirmRemoveKey(key, jobKey, &model.state)
            // The engine's log has no removals: the dashboard keeps its own line of it, named
            // while the job is still in the snapshot.
            if effects.contains(.removeJob(jobKey)) {
                model.state.notes.append(EventNote.removed(jobKey, from: snapshot, at: model.now))
            }
            return effects
        }
    }

    /// The selection stays on screen at the new size; the event log and the help stay inside their lines.
    private static func resize(to size: ScreenSize, _ model: inout Model) {
        model.state.screen = size
        model.refreshGeometry()
        let shown = model.state.displayed(model.snapshot)
        if case .eventLog(let offset) = model.state.mode {
            model.state.mode = .eventLog(offset: min(offset, eventLogLastOffset(model.state, events: model.events)))
        } else if case .help(let offset) = model.state.mode {
            model.state.mode = .help(offset: min(offset, helpLastOffset(model.state, unicode: model.capabilities.unicode)))
        } else if case .timeline(let offset) = model.state.mode {
            let last = timelineLastOffset(model.state, shown, selected: model.geometry.selectedNode, now: model.now)
            model.state.mode = .timeline(offset: min(offset, last))
        } else {
            reselect(&model.state, &model.geometry, shown)
        }
    }
}
