import Foundation
import JobModel

/// The dashboard as two pure functions (the Elm architecture): `update` turns a key into a new
/// state and the side effects to perform; `render` turns the state into a frame.
///
/// The driver owns the loop: read a key → `update` → perform the actions → `render` → draw.
/// It always passes the engine's latest snapshot; while paused (`state.isPaused`) both
/// functions use the frozen one kept in the state, so the driver need not care.
public enum Dashboard {
    /// Applies one key. Pure: the same inputs give the same outputs.
    /// `events` is only needed to clamp scrolling of the event log.
    public static func update(_ key: Key, _ state: ViewState, snapshot: Snapshot, events: [Transition] = []) -> (ViewState, [Action]) {
        var next = state
        next.notice = nil
        if key == .ctrl("l") { return (next, [.redraw]) }
        if case .paste(let text) = key {
            let actions = paste(text, &next, snapshot: snapshot)
            return (next, actions)
        }
        let actions: [Action]
        switch state.mode {
        case .normal: actions = normalKey(key, &next, latest: snapshot)
        case .searching(let text): actions = searchPromptKey(key, text, &next, snapshot: next.displayed(snapshot))
        case .addingJob(let text, _): actions = addJobPromptKey(key, text, &next, snapshot: snapshot)
        case .help: actions = helpKey(key, &next)
        case .eventLog(let offset): actions = eventLogKey(key, offset, &next, events: events)
        case .confirmingQuit: actions = confirmQuitKey(key, &next)
        case .confirmingRemove(let jobKey): actions = confirmRemoveKey(key, jobKey, &next, snapshot: snapshot)
        }
        return (next, actions)
    }

    /// Draws the whole screen. Pure; formats only the rows on screen.
    ///
    /// - Parameters:
    ///   - snapshot: the engine's latest snapshot (ignored while paused: the frozen one is shown).
    ///   - now: the wall clock, for elapsed times and ages.
    ///   - events: the transitions for the event log, in the order they happened.
    public static func render(
        _ snapshot: Snapshot, _ state: ViewState, width: Int, height: Int,
        capabilities: TerminalCapabilities, now: Date, events: [Transition]
    ) -> Frame {
        let shown = state.displayed(snapshot)
        let context = RenderContext(snapshot: shown, state: state, palette: Palette(capabilities: capabilities), now: now)
        let title = WindowTitle.text(shown, unicode: capabilities.unicode, paused: state.isPaused)
        let width = max(0, width)
        let height = max(0, height)
        let layout = Layout(width: width, height: height)
        guard !layout.isTooSmall else {
            return tooSmall(context, width: width, height: height, title: title)
        }

        var rows = HeaderView.rows(context, width: width, count: layout.headerRows)
        var cursor: (row: Int, column: Int)?
        switch state.mode {
        case .help:
            rows += HelpView.rows(context, width: width, height: layout.body.height)
        case .eventLog(let offset):
            rows += EventLogView.rows(context, events: events, notes: state.notes, offset: offset, width: width, height: layout.body.height)
        case .normal, .searching, .addingJob, .confirmingQuit, .confirmingRemove:
            rows += treeAndDetail(context, layout)
        }
        let footer = FooterView.row(context, width: width)
        rows.append(footer.row)
        if let column = footer.cursorColumn { cursor = (layout.footerRow, min(column, width - 1)) }
        return Frame(width: width, height: height, rows: rows, title: title, cursor: cursor)
    }

    // MARK: - Parts

    private static func treeAndDetail(_ context: RenderContext, _ layout: Layout) -> [Row] {
        let snapshot = context.snapshot
        let state = context.state
        let tree = VisibleTree(snapshot, state)
        let selected = Selection.row(state, snapshot, tree)
        let ref = selected.map { tree.node(at: $0) }
        let split = layout.split(showDetail: state.showDetail, detailLines: DetailView.lineCount(ref, context))
        let top = Selection.top(current: state.scrollOffset, selected: selected, visible: split.tree.height, count: tree.count)
        let treeRows = TreeView.rows(context, tree: tree, width: split.tree.width, height: split.tree.height, top: top, selected: selected)
        guard let pane = split.detail else { return treeRows }
        let detailRows = DetailView.rows(context, ref: ref, width: pane.width, height: pane.height)
        if !split.detailOnRight { return treeRows + detailRows }
        // Side by side: tree │ detail.
        let bar = Cell(context.unicode ? "│" : "|", style: context.palette.dim)
        return zip(treeRows, detailRows).map { left, right in
            Row(cells: left.cells + [bar] + right.cells)
        }
    }

    private static func tooSmall(_ context: RenderContext, width: Int, height: Int, title: String) -> Frame {
        var rows: [Row] = []
        if height > 0 {
            var line = LineBuilder(width: width)
            line.add(
                "terminal too small: \(width)x\(height), need \(Layout.minimumWidth)x\(Layout.minimumHeight)",
                columns: width, context.palette.warning, ellipsis: context.ellipsis)
            rows.append(line.row())
        }
        while rows.count < height { rows.append(LineBuilder(width: width).row()) }
        return Frame(width: width, height: height, rows: rows, title: title)
    }
}
