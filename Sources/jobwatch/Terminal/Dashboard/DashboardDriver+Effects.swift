import JobModel
import JobUI

extension DashboardDriver {
    /// Carries out what `Dashboard.update` asked for. Engine calls run in their own tasks, so a
    /// slow request never freezes the keyboard; their results come back as messages.
    func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .exit(let why):
                exit = why
            case .refresh(let key):
                let control = control
                Task { await control.refresh(key) }
            case .refreshAll:
                let control = control
                Task { await control.refresh(nil) }
            case .addJob(let reference):
                let control = control
                let post = post
                Task {
                    let problem = await control.add(reference)
                    post?.yield(.message(problem.map { .addFailed(reference, problem: $0) } ?? .added(reference)))
                }
            case .removeJob(let key):
                let control = control
                let post = post
                Task {
                    await control.remove(key)
                    post?.yield(.message(.removed(key)))
                }
            case .copy(let text):
                // Known at once: the answer goes in before the frame.
                send(terminal.copyToClipboard(text) ? .copied(text) : .copyFailed)
            case .bell:
                terminal.bell()
            case .redraw:
                terminal.redraw()
            }
        }
    }
}
