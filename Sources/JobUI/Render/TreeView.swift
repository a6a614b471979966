import Foundation
import JobModel

/// The rows of the job tree on screen: only the visible ones are looked at and formatted.
enum TreeView {
    static func rows(_ context: RenderContext, tree: VisibleTree, width: Int, height: Int, top: Int, selected: Int?) -> [Row] {
        guard tree.count > 0 else { return emptyRows(context, width: width, height: height) }
        let shown = top..<min(tree.count, top + height)
        let refs = shown.map { tree.node(at: $0) }
        let idWidth = min(12, max(1, refs.compactMap { id(of: $0, context.snapshot) }.map { DisplayWidth.of(context.shortID($0)) }.max() ?? 1))
        // An undocumented status can be any word: past 16 columns it is cut rather than the label.
        let statusWidth = min(16, refs.filter { !$0.isEntity }.map { DisplayWidth.of(statusWord(of: $0, context.snapshot)) }.max() ?? 0)
        let columns = TreeColumns(width: width, idWidth: idWidth, statusWidth: statusWidth, columns: TreeColumn.table(width: width, tagged: context.tagsServices))
        var rows: [Row] = []
        rows.reserveCapacity(height)
        for (offset, ref) in refs.enumerated() {
            // Unfolded is what the tree did: the next row is a child of this one.
            let nextRow = top + offset + 1
            let next = nextRow < tree.count ? tree.node(at: nextRow) : nil
            let unfolded = next.map { $0.job == ref.job && $0.depth > ref.depth } ?? false
            rows.append(row(ref, context, columns, width: width, selected: top + offset == selected, unfolded: unfolded))
        }
        while rows.count < height { rows.append(LineBuilder(width: width).row()) }
        return rows
    }

    private static func emptyRows(_ context: RenderContext, width: Int, height: Int) -> [Row] {
        var line = LineBuilder(width: width)
        if context.snapshot.jobs.isEmpty {
            line.add("  no jobs watched — press a to add one", context.palette.dim)
        } else {
            line.add("  no job matches the filter \"\(context.state.filter.name)\" — press f", context.palette.dim)
        }
        return [line.row()] + Array(repeating: LineBuilder(width: width).row(), count: max(0, height - 1))
    }

    /// The full ID a row shows in short form (`nil` for entity rows).
    static func id(of ref: NodeRef, _ snapshot: Snapshot) -> String? {
        guard !ref.isEntity else { return nil }
        if ref.isJob { return snapshot.jobs[ref.job].key.jobID }
        return snapshot.apiJob(at: ref)?.id ?? "-"
    }

    /// The status column's text for a job or sub-job row.
    static func statusWord(of ref: NodeRef, _ snapshot: Snapshot) -> String {
        StatusLook.word(snapshot.apiJob(at: ref)?.status, health: ref.isJob ? snapshot.jobs[ref.job].health : .fresh)
    }

    // MARK: - One row

    /// Two columns a level: job, sub-job, entity, and a CCE sub-job's own sub-jobs deeper
    /// (`Job.nesting`, capped so a deep tree keeps its labels).
    static func indentation(of ref: NodeRef, _ snapshot: Snapshot) -> Int {
        let nesting = ref.subJob == nil ? 0 : min(4, snapshot.owner(of: ref)?.nesting ?? 0)
        return (ref.depth + nesting) * 2
    }

    static func row(_ ref: NodeRef, _ context: RenderContext, _ columns: TreeColumns, width: Int, selected: Bool, unfolded: Bool) -> Row {
        let snapshot = context.snapshot
        let palette = context.palette
        let state = snapshot.jobs[ref.job]
        let rowStyle = isStale(state.health) ? palette.staleRow : palette.plain
        var line = LineBuilder(width: width)
        let indent = indentation(of: ref, snapshot)
        line.add(String(repeating: " ", count: indent))
        line.add(foldMark(ref, unfolded: unfolded, context) + " ", palette.dim)

        if let entity = snapshot.entity(at: ref) {
            line.add("  ")
            line.add(entity.key + ": ", palette.dim)
            line.add(OneLine.of(entity.value), rowStyle)
            if let resource = state.resources[entity.value], resource.hasName {
                line.add("  " + JobTitle.resourceText(resource), rowStyle)
            }
            return finish(line, selected: selected, palette: palette)
        }

        let job = snapshot.apiJob(at: ref)
        let status = job?.status
        let slow: Bool
        if ref.isJob {
            slow = state.isSlow
        } else {
            slow = job?.id.map { state.slowSubJobIDs.contains($0) } ?? false
        }
        line.add(StatusLook.symbol(status, unicode: context.unicode), palette.status(status))
        let marker = ref.isJob ? StatusLook.marker(health: state.health, slow: slow) : (slow ? "*" : nil)
        line.add(marker ?? " ", slow && marker == "*" ? palette.slow : palette.warning)

        for (index, column) in columns.shown.enumerated() {
            let (text, style) = cell(column.name, ref: ref, job: job, state: state, slow: slow, rowStyle: rowStyle, context)
            // The reason column is left empty, not padded, when there is nothing to say.
            if column.name == .reason, text.isEmpty { continue }
            if index > 0 { line.add(" ") }
            let columnWidth = column.name == .label ? max(4, column.width - indent) : column.width
            if column.alignRight {
                line.addRight(text, columns: columnWidth, style)
            } else {
                line.add(text, columns: columnWidth, style, ellipsis: context.ellipsis)
            }
        }
        return finish(line, selected: selected, palette: palette)
    }

    /// What one column of a job or sub-job row shows, and how.
    private static func cell(_ name: TreeColumn.Name, ref: NodeRef, job: Job?, state: JobState, slow: Bool, rowStyle: Style, _ context: RenderContext) -> (String, Style) {
        let palette = context.palette
        let status = job?.status
        switch name {
        case .label:
            return (ref.isJob ? JobTitle.of(state, tagged: context.tagsServices) : JobTitle.of(subJob: job, service: state.key.service, resources: state.resources), rowStyle)
        case .id:
            return (context.shortID(id(of: ref, context.snapshot) ?? "-"), palette.dim)
        case .status:
            return (statusWord(of: ref, context.snapshot), palette.status(status))
        case .begin:
            return (job?.beginTime.map { ClockText.clock($0, context.zone) } ?? "", rowStyle)
        case .elapsed:
            return (job?.elapsed(now: context.now).map(ClockText.duration) ?? "", rowStyle)
        case .reason:
            return (reasonText(ref, job, state, slow: slow, context), status == .fail ? palette.reason : rowStyle)
        }
    }

    private static func finish(_ line: consuming LineBuilder, selected: Bool, palette: Palette) -> Row {
        guard selected else { return line.row() }
        line.restyle { $0.reverse = true }
        return line.row(fill: Style(reverse: true))
    }

    static func isStale(_ health: JobHealth) -> Bool {
        health == .stale || health == .purged || health == .notFound || health == .authStopped || health == .routeStopped
    }

    private static func foldMark(_ ref: NodeRef, unfolded: Bool, _ context: RenderContext) -> String {
        guard context.snapshot.hasChildren(ref) else { return " " }
        if context.unicode { return unfolded ? "▾" : "▸" }
        return unfolded ? "-" : "+"
    }

    /// Marker text and last error, a batch's sub-job summary, and the failure reason.
    static func reasonText(_ ref: NodeRef, _ job: Job?, _ state: JobState, slow: Bool, _ context: RenderContext) -> String {
        var parts: [String] = []
        if ref.isJob, let marker = StatusLook.markerText(health: state.health, slow: slow) {
            parts.append(state.lastError.map { "\(marker): \($0.message)" } ?? marker)
        } else if slow {
            parts.append("slow")
        }
        if ref.isJob, let job, !job.subJobs.isEmpty {
            parts.append(batchSummary(state))
        }
        if let job, !job.status.isTerminal, let progress = job.entities.progress {
            parts.append("\(Int((progress * 100).rounded())) %")
        }
        if let job, let reason = context.failureReason(of: job) { parts.append(reason) }
        return parts.joined(separator: context.separator)
    }

    /// `3/20 done, 1 failed`, from the counts the engine made once per snapshot.
    static func batchSummary(_ state: JobState) -> String {
        let total = state.job?.subJobs.count ?? 0
        let done = state.finishedSubJobs
        return state.failedSubJobs > 0 ? "\(done)/\(total) done, \(state.failedSubJobs) failed" : "\(done)/\(total) done"
    }
}
