import Foundation
import JobModel

/// The dashboard as one Elm loop of pure functions: `update(model, message)` gives the next
/// model and the effects to perform; `view(model)` gives the frame to show.
///
/// The driver owns the loop: a message (key, snapshot, tick, finished effect…) → `update` →
/// perform the effects (their results come back as messages) → blit `view(model)`.
public enum Dashboard {
    /// The frame for the model at its screen size.
    public static func view(_ model: Model) -> Frame {
        render(
            model.snapshot, model.state, width: model.state.screen.width, height: model.state.screen.height,
            capabilities: model.capabilities, now: model.shownNow, events: model.events, geometry: model.geometry)
    }

    /// Draws the whole screen at any size (`view` passes the model's; tests try others). Pure;
    /// formats only the rows on screen.
    ///
    /// - Parameters:
    ///   - snapshot: the engine's latest snapshot (ignored while paused: the frozen one is shown).
    ///   - now: the wall clock, for elapsed times and ages.
    ///   - events: the transitions for the event log, in the order they happened.
    ///   - geometry: the model's, used when it is current for this size; else made here.
    static func render(
        _ snapshot: Snapshot, _ state: ViewState, width: Int, height: Int,
        capabilities: TerminalCapabilities, now: Date, events: [Transition], geometry kept: TreeGeometry? = nil
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

        func geometry() -> TreeGeometry {
            kept?.updated(for: shown, state, width: width, height: height) ?? TreeGeometry(shown, state, width: width, height: height)
        }

        var rows = HeaderView.rows(context, width: width, count: layout.headerRows)
        var cursor: (row: Int, column: Int)?
        var helpScrolls = false
        switch state.mode {
        case .help(let offset):
            rows += HelpView.rows(context, offset: offset, width: width, height: layout.body.height)
            helpScrolls = HelpView.lastOffset(width: width, height: layout.body.height, unicode: capabilities.unicode) > 0
        case .eventLog(let offset):
            rows += EventLogView.rows(context, events: events, notes: state.notes, offset: offset, width: width, height: layout.body.height)
        case .timeline(let offset):
            let bars = timeline(shown, selected: geometry().selectedNode, now: now)
            rows += TimelineView.rows(context, bars, offset: offset, width: width, height: layout.body.height)
        case .normal, .searching, .addingJob, .confirmingQuit, .confirmingRemove:
            rows += treeAndDetail(context, geometry())
        }
        let footer = FooterView.row(context, width: width, helpScrolls: helpScrolls)
        rows.append(footer.row)
        if let column = footer.cursorColumn { cursor = (layout.footerRow, min(column, width - 1)) }
        return Frame(width: width, height: height, rows: rows, title: title, cursor: cursor)
    }

    // MARK: - Parts

    private static func treeAndDetail(_ context: RenderContext, _ geometry: TreeGeometry) -> [Row] {
        let tree = geometry.tree
        let selected = geometry.selectedRow
        let ref = geometry.selectedNode
        let split = geometry.split
        let top = Selection.top(current: context.state.scrollOffset, selected: selected, visible: split.tree.height, count: tree.count)
        var treeRows = TreeView.rows(context, tree: tree, width: split.tree.width, height: split.tree.height, top: top, selected: selected)
        guard let pane = split.detail else { return treeRows }
        let detailRows = DetailView.rows(context, ref: ref, width: pane.width, height: pane.height)
        if !split.detailOnRight { return treeRows + detailRows }
        // Side by side: tree │ detail, each tree row extended in place.
        let bar = Cell(context.unicode ? "│" : "|", style: context.palette.dim)
        for index in treeRows.indices where index < detailRows.count {
            treeRows[index].cells.append(bar)
            treeRows[index].cells.append(contentsOf: detailRows[index].cells)
        }
        if treeRows.count > detailRows.count { treeRows.removeLast(treeRows.count - detailRows.count) }
        return treeRows
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
