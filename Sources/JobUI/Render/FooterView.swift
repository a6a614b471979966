import JobModel

/// The last line: key hints, a notice, or the prompt being typed (with the cursor column).
enum FooterView {
    /// `helpScrolls`: the help overlay does not fit the body at this size.
    static func row(_ context: RenderContext, width: Int, helpScrolls: Bool = false) -> (row: Row, cursorColumn: Int?) {
        let palette = context.palette
        var line = LineBuilder(width: width)
        switch context.state.mode {
        case .searching(let text):
            line.add("/", palette.prompt)
            let cursor = addTyped(text, into: &line)
            line.add("   Enter search  Esc cancel", palette.dim)
            return (line.row(), cursor)
        case .addingJob(let text, let problem):
            line.add("add job ID: ", palette.prompt)
            guard let problem else {
                let cursor = addTyped(text, into: &line)
                line.add("   Enter add  Esc cancel", palette.dim)
                return (line.row(), cursor)
            }
            // The reason must be seen: it gets the room the typed text does not strictly need
            // (at least a few columns of the text stay, with the cursor).
            let problemRoom = min(DisplayWidth.of(problem), max(0, line.remaining - 2 - minimumTyped))
            let cursor = addTyped(text, into: &line, room: line.remaining - 2 - problemRoom - 1)
            line.add("  ")
            line.add(problem, columns: problemRoom, palette.error, ellipsis: context.ellipsis)
            return (line.row(), cursor)
        case .confirmingQuit:
            line.add("jobs still running — quit? y/n", Style(bold: true, reverse: true))
        case .confirmingRemove(let key):
            let question = Style(bold: true, reverse: true)
            let tail = "? y/n"
            let name = removalName(key, context)
            line.add("remove ", question)
            // The name is cut, never the `? y/n`.
            line.add(name, columns: min(line.remaining - DisplayWidth.of(tail), DisplayWidth.of(name)), question, ellipsis: context.ellipsis)
            line.add(tail, question)
            let hint = "  (any other key keeps it)"
            if DisplayWidth.of(hint) <= line.remaining { line.add(hint, palette.dim) }
        case .help where helpScrolls, .eventLog:
            line.add(context.unicode ? "↑↓ scroll  Esc close" : "j/k scroll  Esc close", palette.dim)
        case .help:
            line.add("Esc close help", palette.dim)
        case .timeline:
            line.add(context.unicode ? "↑↓ scroll  v tree  Esc close" : "j/k scroll  v tree  Esc close", palette.dim)
        case .normal:
            if let notice = context.state.notice {
                // Cut to the width, with an ellipsis: a long ID in a notice must not run off.
                line.add(notice, columns: width, palette.bold, ellipsis: context.ellipsis)
            } else {
                // Whole hints only, as many as fit: quit and help first, then the table's order.
                line.add(fields: KeyHelp.footerHints(unicode: context.unicode).map { LineField($0, palette.dim, priority: .medium) }, ellipsis: context.ellipsis)
            }
        }
        return (line.row(), nil)
    }

    /// Columns of typed text kept beside a prompt's problem.
    private static let minimumTyped = 8

    /// The job `d` would remove: its label (or type), its ID, how many sub-jobs go with it.
    private static func removalName(_ key: JobKey, _ context: RenderContext) -> String {
        guard let index = context.snapshot.index(of: key) else { return key.jobID }
        let state = context.snapshot.jobs[index]
        var name = "\(state.entry.label ?? state.job?.label ?? "job") \(key.jobID)"
        if let subs = state.job?.subJobs.count, subs > 0 { name += " (\(subs) sub-jobs)" }
        return name
    }

    /// Typed text, its tail kept when too long (the end is where one types); returns the cursor.
    private static func addTyped(_ text: String, into line: inout LineBuilder, room: Int? = nil) -> Int {
        let room = max(1, room ?? line.remaining - 1)
        var shown = Substring(text)
        while DisplayWidth.of(String(shown)) > room { shown = shown.dropFirst() }
        line.add(String(shown), .plain)
        return line.used
    }
}
