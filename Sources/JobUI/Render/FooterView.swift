/// The last line: key hints, a notice, or the prompt being typed (with the cursor column).
enum FooterView {
    static func row(_ context: RenderContext, width: Int) -> (row: Row, cursorColumn: Int?) {
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
            let cursor = addTyped(text, into: &line)
            if let problem {
                line.add("  ")
                line.add(problem, palette.error)
            } else {
                line.add("   Enter add  Esc cancel", palette.dim)
            }
            return (line.row(), cursor)
        case .confirmingQuit:
            line.add("jobs still running — quit? y/n", Style(bold: true, reverse: true))
        case .help:
            line.add("Esc close help", palette.dim)
        case .eventLog:
            line.add(context.unicode ? "↑↓ scroll  Esc close" : "j/k scroll  Esc close", palette.dim)
        case .normal:
            if let notice = context.state.notice {
                line.add(notice, palette.bold)
            } else {
                line.add(KeyHelp.footer(unicode: context.unicode), columns: width, palette.dim, ellipsis: context.ellipsis)
            }
        }
        return (line.row(), nil)
    }

    /// Typed text, its tail kept when too long (the end is where one types); returns the cursor.
    private static func addTyped(_ text: String, into line: inout LineBuilder) -> Int {
        let room = max(1, line.remaining - 1)
        var shown = Substring(text)
        while DisplayWidth.of(String(shown)) > room { shown = shown.dropFirst() }
        line.add(String(shown), .plain)
        return line.used
    }
}
