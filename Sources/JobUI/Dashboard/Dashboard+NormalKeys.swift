import JobModel

// MARK: - Keys on the tree

extension Dashboard {
    /// A key on the tree, through `KeyBindings`. `geometry`: the model's, current for `state`
    /// and the shown snapshot; kept current.
    static func normalKey(_ key: Key, _ state: inout ViewState, _ geometry: inout TreeGeometry, latest: Snapshot) -> [Effect] {
        guard let action = KeyBindings.action(for: key) else { return [] }
        let snapshot = state.displayed(latest)
        let tree = geometry.tree
        let current = geometry.selectedRow
        let selectedRef = geometry.selectedNode
        let page = geometry.pageRows

        func move(to row: Int) { Selection.select(row, &state, &geometry, in: snapshot) }

        switch action {
        case .moveUp: move(to: (current ?? 0) - 1)
        case .moveDown: move(to: (current ?? -1) + 1)
        case .pageUp:
            state.scrollOffset = max(0, state.scrollOffset - page)
            move(to: (current ?? 0) - page)
        case .pageDown:
            state.scrollOffset += page
            move(to: (current ?? 0) + page)
        case .first: move(to: 0)
        case .last: move(to: tree.count - 1)
        case .unfold: return setFold(true, selectedRef, &state, &geometry, snapshot)
        case .foldOrGoUp:
            guard let ref = selectedRef else { return [.bell] }
            if isShownUnfolded(ref, tree) { return setFold(false, ref, &state, &geometry, snapshot) }
            guard let parent = ref.parent, let row = tree.row(of: parent) else { return [] }
            move(to: row)
        case .toggleFold:
            guard let ref = selectedRef else { return [.bell] }
            return setFold(!isShownUnfolded(ref, tree), ref, &state, &geometry, snapshot)
        case .nextFilter:
            state.filter = state.filter.next(services: snapshot.services)
            state.notice = "filter: \(state.filter.name)"
            reselect(&state, &geometry, snapshot)
        case .search:
            state.mode = .searching(text: "")
        case .nextMatch, .previousMatch:
            return jumpToMatch(from: selectedRef, backwards: action == .previousMatch, &state, &geometry, snapshot)
        case .addJobs:
            state.mode = .addingJob(text: "", problem: nil)
        case .removeJob:
            guard let ref = selectedRef else { return [.bell] }
            state.mode = .confirmingRemove(snapshot.jobs[ref.job].key)
        case .refresh:
            guard let ref = selectedRef else { return [.bell] }
            return [.refresh(snapshot.jobs[ref.job].key)]
        case .refreshAll:
            state.notice = "refreshing all jobs"
            return [.refreshAll]
        case .copyID:
            guard let ref = selectedRef else { return [.bell] }
            return [.copy(copyText(ref, snapshot))]
        case .toggleUTC:
            state.utc.toggle()
            state.notice = state.utc ? "times in UTC" : "times in local time"
        case .togglePause:
            state.frozen = state.isPaused ? nil : latest
            reselect(&state, &geometry, state.displayed(latest))
        case .eventLog:
            state.mode = .eventLog(offset: 0)
        case .timeline:
            state.mode = .timeline(offset: 0)
        case .help:
            state.mode = .help(offset: 0)
        case .toggleDetail:
            state.showDetail.toggle()
            reselect(&state, &geometry, snapshot)
        case .quit:
            // Decided on the latest snapshot: a paused screen must not hide running jobs.
            if latest.jobs.isEmpty || latest.isAllDone { return [.quit] }
            state.mode = .confirmingQuit
        case .clearSearch:
            state.search = ""
        case .redraw:
            return [.redraw]
        }
        return []
    }

    /// Re-anchors the selection (by identity) after the tree changed shape, or the panes did.
    static func reselect(_ state: inout ViewState, _ geometry: inout TreeGeometry, _ snapshot: Snapshot) {
        geometry = geometry.updated(for: snapshot, state)
        if let row = geometry.selectedRow {
            Selection.select(row, &state, &geometry, in: snapshot)
        }
    }

    /// Whether the row's children are on screen (what the fold mark shows).
    private static func isShownUnfolded(_ ref: NodeRef, _ tree: VisibleTree) -> Bool {
        guard let row = tree.row(of: ref), row + 1 < tree.count else { return false }
        let next = tree.node(at: row + 1)
        return next.job == ref.job && next.depth > ref.depth
    }

    private static func setFold(_ unfolded: Bool, _ ref: NodeRef?, _ state: inout ViewState, _ geometry: inout TreeGeometry, _ snapshot: Snapshot) -> [Effect] {
        guard let ref else { return [.bell] }
        guard snapshot.hasChildren(ref) else { return [] }
        state.foldOverrides[snapshot.nodeID(of: ref)] = unfolded
        reselect(&state, &geometry, snapshot)
        return []
    }

    /// Full ID of the row: job, sub-job, or the entity's value.
    static func copyText(_ ref: NodeRef, _ snapshot: Snapshot) -> String {
        if let entity = snapshot.entity(at: ref) { return entity.value }
        if ref.isSubJob, let id = snapshot.apiJob(at: ref)?.id { return id }
        return snapshot.jobs[ref.job].key.jobID
    }

    /// Moves to the next (or previous) match of the confirmed search, unfolding its parents.
    static func jumpToMatch(from current: NodeRef?, backwards: Bool, includingCurrent: Bool = false, _ state: inout ViewState, _ geometry: inout TreeGeometry, _ snapshot: Snapshot) -> [Effect] {
        guard !state.search.isEmpty else { return [.bell] }
        let matches = Search.matches(state.search, snapshot, filter: state.filter)
        guard let target = Search.next(after: current, in: matches, backwards: backwards, includingCurrent: includingCurrent) else {
            state.notice = "no match for \"\(state.search)\""
            return [.bell]
        }
        var ancestor = target.parent
        while let node = ancestor {
            state.foldOverrides[snapshot.nodeID(of: node)] = true
            ancestor = node.parent
        }
        geometry = geometry.updated(for: snapshot, state)
        if let row = geometry.tree.row(of: target) { Selection.select(row, &state, &geometry, in: snapshot) }
        state.notice = "match \((matches.firstIndex(of: target) ?? 0) + 1)/\(matches.count) for \"\(state.search)\""
        return []
    }
}
