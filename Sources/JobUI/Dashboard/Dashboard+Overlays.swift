import JobAPI
import JobEngine

// MARK: - Keys in prompts and overlays

extension Dashboard {
    static func searchPromptKey(_ key: Key, _ text: String, _ state: inout ViewState, snapshot: Snapshot) -> [Action] {
        switch key {
        case .character(let c):
            state.mode = .searching(text: text + String(c))
        case .backspace:
            state.mode = .searching(text: String(text.dropLast()))
        case .ctrl("u"):
            state.mode = .searching(text: "")
        case .escape, .ctrl("c"):
            state.mode = .normal
        case .enter:
            state.mode = .normal
            state.search = text.trimmingCharacters(in: .whitespaces)
            guard !state.search.isEmpty else { return [] }
            let tree = VisibleTree(snapshot, state)
            let current = Selection.row(state, snapshot, tree).map { tree.node(at: $0) }
            return jumpToMatch(from: current, backwards: false, includingCurrent: true, &state, snapshot)
        default:
            break
        }
        return []
    }

    /// `a`: the typed (or pasted) ID is checked with `JobID.problem(with:)` on Enter.
    static func addJobPromptKey(_ key: Key, _ text: String, _ state: inout ViewState, snapshot: Snapshot) -> [Action] {
        switch key {
        case .character(let c):
            state.mode = .addingJob(text: text + String(c), problem: nil)
        case .backspace:
            state.mode = .addingJob(text: String(text.dropLast()), problem: nil)
        case .ctrl("u"):
            state.mode = .addingJob(text: "", problem: nil)
        case .escape, .ctrl("c"):
            state.mode = .normal
        case .enter:
            let id = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let problem = JobID.problem(with: id) {
                state.mode = .addingJob(text: text, problem: "job ID \(problem)")
                return [.bell]
            }
            if snapshot.jobs.contains(where: { $0.key.jobID == id }) {
                state.mode = .addingJob(text: text, problem: "already watched")
                return [.bell]
            }
            state.mode = .normal
            state.notice = "added \(id)"
            return [.addJob(id)]
        default:
            break
        }
        return []
    }

    static func helpKey(_ key: Key, _ state: inout ViewState) -> [Action] {
        switch key {
        case .escape, .character("?"), .character("q"), .enter, .ctrl("c"): state.mode = .normal
        default: break
        }
        return []
    }

    static func eventLogKey(_ key: Key, _ offset: Int, _ state: inout ViewState, events: [Transition]) -> [Action] {
        let visible = max(1, Layout(width: state.screen.width, height: state.screen.height).body.height - 1)
        let last = max(0, events.count - visible)
        var offset = min(offset, last)
        switch key {
        case .escape, .character("e"), .character("q"), .ctrl("c"):
            state.mode = .normal
            return []
        case .up, .character("k"): offset -= 1
        case .down, .character("j"): offset += 1
        case .pageUp: offset -= visible
        case .pageDown: offset += visible
        case .home, .character("g"): offset = 0
        case .end, .character("G"): offset = last
        default: break
        }
        state.mode = .eventLog(offset: max(0, min(offset, last)))
        return []
    }

    static func confirmQuitKey(_ key: Key, _ state: inout ViewState) -> [Action] {
        switch key {
        case .character("y"), .character("Y"), .character("q"), .ctrl("c"):
            return [.quit]
        case .character("n"), .character("N"), .escape, .enter:
            state.mode = .normal
            return []
        default:
            return [.bell]
        }
    }
}
