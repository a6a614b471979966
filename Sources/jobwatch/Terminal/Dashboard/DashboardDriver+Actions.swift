import JobModel
import JobUI

extension DashboardDriver {
    /// Carries out what `Dashboard.update` asked for. Engine calls run in their own tasks, so a
    /// slow request never freezes the keyboard; their results come back as messages.
    func perform(_ actions: [Action]) {
        for action in actions {
            switch action {
            case .quit:
                exit = .quit
            case .refresh(let key):
                let control = control
                Task { await control.refresh(key) }
            case .refreshAll:
                let control = control
                Task { await control.refresh(nil) }
            case .addJob(let jobID):
                let control = control
                let post = post
                Task {
                    let problem = await control.add(jobID: jobID)
                    post?.yield(.added(jobID: jobID, problem: problem))
                }
            case .removeJob(let key):
                let control = control
                Task { await control.remove(key) }
                // The engine's log has no removals: the dashboard keeps its own line of it.
                state.notes.append(EventNote.removed(key, from: snapshot, at: now()))
            case .copy(let text):
                if !terminal.copyToClipboard(text) {
                    state.notice = "this terminal cannot take a copy (no OSC 52)"
                }
            case .bell:
                terminal.bell()
            case .redraw:
                terminal.redraw()
            }
        }
    }
}
