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

    /// Notes where the selected node is in a new snapshot (`tree`: its rows), so that every
    /// frame until the next one finds it at once instead of searching a batch's sub-jobs for its ID.
    static func remember(_ state: inout ViewState, in snapshot: Snapshot, _ tree: VisibleTree) {
        guard let id = state.selection, let ref = snapshot.ref(for: id, hint: state.selectionHint?.node) else { return }
        guard let row = tree.row(of: ref) else { return }
        state.selectionHint = SelectionHint(row: row, node: ref)
    }

    /// Selects `row` (clamped) of the geometry's tree by identity and keeps it visible; the
    /// geometry follows (the detail pane's height depends on the selected row).
    static func select(_ row: Int, _ state: inout ViewState, _ geometry: inout TreeGeometry, in snapshot: Snapshot) {
        let tree = geometry.tree
        guard tree.count > 0 else {
            state.selection = nil
            state.selectionHint = nil
            state.scrollOffset = 0
            geometry = geometry.updated(for: snapshot, state)
            return
        }
        let row = min(max(0, row), tree.count - 1)
        let ref = tree.node(at: row)
        state.selection = snapshot.nodeID(of: ref)
        state.selectionHint = SelectionHint(row: row, node: ref)
        geometry = geometry.updated(for: snapshot, state)
        state.scrollOffset = top(current: state.scrollOffset, selected: row, visible: geometry.pageRows, count: tree.count)
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
}
