import JobModel

// MARK: - Keys in prompts and overlays

extension Dashboard {
    static func searchPromptKey(_ key: Key, _ text: String, _ state: inout ViewState, _ geometry: inout TreeGeometry, snapshot: Snapshot) -> [Effect] {
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
            return jumpToMatch(from: geometry.selectedNode, backwards: false, includingCurrent: true, &state, &geometry, snapshot)
        default:
            break
        }
        return []
    }

    /// `a`: the typed (or pasted) references (`ID` or `SERVICE/ID`), separated by spaces (a
    /// pasted list's line breaks become spaces), are parsed as on the command line on Enter;
    /// all of them are added.
    static func addJobPromptKey(_ key: Key, _ text: String, _ state: inout ViewState, snapshot: Snapshot) -> [Effect] {
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
            let tokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
            var references: [JobReference] = []
            for token in tokens.isEmpty ? [""] : tokens {
                do {
                    references.append(try JobReference(parsing: token))
                } catch {
                    let which = tokens.count > 1 ? "\(JobID.short(token)): " : ""
                    state.mode = .addingJob(text: text, problem: "\(which)\(error.brief)")
                    return [.bell]
                }
            }
            let watched = snapshot.jobs.map(\.key)
            var new: [JobReference] = []
            for reference in references where !watched.contains(where: reference.matches) && !new.contains(reference) {
                new.append(reference)
            }
            guard let first = new.first else {
                state.mode = .addingJob(text: text, problem: tokens.count > 1 ? "all already watched" : "already watched")
                return [.bell]
            }
            state.mode = .normal
            let skipped = references.count - new.count
            state.notice = (new.count == 1 ? "added \(first.text)" : "added \(new.count) jobs") + (skipped > 0 ? " (\(skipped) already watched)" : "")
            return new.map { .addJob($0) }
        default:
            break
        }
        return []
    }

    /// Closes as before; the event log's scroll keys scroll it when it does not fit.
    static func helpKey(_ key: Key, _ offset: Int, _ state: inout ViewState, unicode: Bool) -> [Effect] {
        switch key {
        case .escape, .character("?"), .character("q"), .enter, .ctrl("c"):
            state.mode = .normal
        default:
            let last = helpLastOffset(state, unicode: unicode)
            let page = HelpView.page(height: Layout(width: state.screen.width, height: state.screen.height).body.height)
            let moved = ScrollKeys.offset(after: key, from: min(offset, last), page: page, last: last) ?? offset
            state.mode = .help(offset: max(0, min(moved, last)))
        }
        return []
    }

    /// The largest offset that still fills the help's lines at the screen's size.
    static func helpLastOffset(_ state: ViewState, unicode: Bool) -> Int {
        let layout = Layout(width: state.screen.width, height: state.screen.height)
        return HelpView.lastOffset(width: layout.width, height: layout.body.height, unicode: unicode)
    }

    static func eventLogKey(_ key: Key, _ offset: Int, _ state: inout ViewState, events: [Transition]) -> [Effect] {
        let visible = eventLogRows(state)
        let last = eventLogLastOffset(state, events: events)
        let offset = min(offset, last)
        switch key {
        case .escape, .character("e"), .character("q"), .ctrl("c"):
            state.mode = .normal
            return []
        default:
            let moved = ScrollKeys.offset(after: key, from: offset, page: visible, last: last) ?? offset
            state.mode = .eventLog(offset: max(0, min(moved, last)))
        }
        return []
    }

    /// Lines of events the log shows at the screen's size.
    private static func eventLogRows(_ state: ViewState) -> Int {
        max(1, Layout(width: state.screen.width, height: state.screen.height).body.height - 1)
    }

    /// The largest offset that still fills the log's lines.
    static func eventLogLastOffset(_ state: ViewState, events: [Transition]) -> Int {
        max(0, events.count + state.notes.count - eventLogRows(state))
    }

    /// `y` removes (the notice waits for the engine's `.removed`); any other key keeps the job.
    static func confirmRemoveKey(_ key: Key, _ jobKey: JobKey, _ state: inout ViewState) -> [Effect] {
        switch key {
        case .character("y"), .character("Y"):
            state.mode = .normal
            return [.removeJob(jobKey)]
        default:
            keep(jobKey, &state)
            return []
        }
    }

    /// The question is answered with anything but `y`: the job stays.
    static func keep(_ jobKey: JobKey, _ state: inout ViewState) {
        state.mode = .normal
        state.notice = "kept \(jobKey.jobID)"
    }

    static func confirmQuitKey(_ key: Key, _ state: inout ViewState) -> [Effect] {
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
