import JobModel

/// Finding the selected row in a snapshot, moving it, and keeping it on screen.
enum Selection {
    /// The selected row: the selected node if shown, else its nearest shown ancestor, else the
    /// row where it was last seen (clamped), else the first row. `nil` only for an empty tree.
    static func row(_ state: ViewState, _ snapshot: Snapshot, _ tree: VisibleTree) -> Int? {
        guard tree.count > 0 else { return nil }
        if let id = state.selection {
            if let ref = snapshot.ref(for: id, hint: state.selectionHint?.node), let row = tree.nearestRow(of: ref) {
                return row
            }
            // The job went away (removed, filtered out): stay at the same height.
            if let hint = state.selectionHint { return min(max(0, hint.row), tree.count - 1) }
        }
        return 0
    }

    /// Notes where the selected node is in a new snapshot, so that every frame until the next
    /// one finds it at once instead of searching a batch's sub-jobs for its ID.
    static func remember(_ state: inout ViewState, in snapshot: Snapshot) {
        guard let id = state.selection, let ref = snapshot.ref(for: id, hint: state.selectionHint?.node) else { return }
        let tree = VisibleTree(snapshot, state)
        guard let row = tree.row(of: ref) else { return }
        state.selectionHint = SelectionHint(row: row, node: ref)
    }

    /// Selects `row` (clamped) by identity and keeps it visible.
    static func select(_ row: Int, _ state: inout ViewState, _ snapshot: Snapshot, _ tree: VisibleTree) {
        guard tree.count > 0 else {
            state.selection = nil
            state.selectionHint = nil
            state.scrollOffset = 0
            return
        }
        let row = min(max(0, row), tree.count - 1)
        let ref = tree.node(at: row)
        state.selection = snapshot.nodeID(of: ref)
        state.selectionHint = SelectionHint(row: row, node: ref)
        state.scrollOffset = top(current: state.scrollOffset, selected: row, visible: treeRows(state, snapshot), count: tree.count)
    }

    /// The first row to show so that `selected` is on screen, moving as little as possible.
    static func top(current: Int, selected: Int?, visible: Int, count: Int) -> Int {
        guard visible > 0 else { return 0 }
        var top = current
        if let selected {
            if selected < top { top = selected }
            if selected >= top + visible { top = selected - visible + 1 }
        }
        return max(0, min(top, count - visible))
    }

    /// Tree rows on the screen of the last `.resize`, with the detail pane as `render` sizes
    /// it for the selected row.
    static func treeRows(_ state: ViewState, _ snapshot: Snapshot) -> Int {
        let layout = Layout(width: state.screen.width, height: state.screen.height)
        guard state.showDetail else { return max(1, layout.body.height) }
        let tree = VisibleTree(snapshot, state)
        let ref = row(state, snapshot, tree).map { tree.node(at: $0) }
        // Only the number of lines matters here, not colours or the clock.
        let context = RenderContext(snapshot: snapshot, state: state, palette: Palette(capabilities: TerminalCapabilities(colors: 0, unicode: true)), now: snapshot.takenAt)
        return max(1, layout.split(showDetail: true, detailLines: DetailView.lineCount(ref, context)).tree.height)
    }
}
