import Foundation
import JobModel

// MARK: - The timeline view

extension Dashboard {
    /// The selected row's batch; every job when the cursor is on a job without sub-jobs (or
    /// on nothing).
    static func timeline(_ snapshot: Snapshot, _ state: ViewState, now: Date) -> Timeline {
        let tree = VisibleTree(snapshot, state)
        let tagged = JobTitle.tagsServices(snapshot)
        if let row = Selection.row(state, snapshot, tree) {
            let job = snapshot.jobs[tree.node(at: row).job]
            if let subs = job.job?.subJobs, !subs.isEmpty { return Timeline(batch: job, now: now, tagged: tagged) }
        }
        return Timeline(jobs: snapshot.jobs, now: now, tagged: tagged)
    }

    static func timelineKey(_ key: Key, _ offset: Int, _ state: inout ViewState, latest: Snapshot, now: Date) -> [Effect] {
        let snapshot = state.displayed(latest)
        let visible = timelineRows(state)
        let last = timelineLastOffset(state, snapshot, now: now)
        let offset = min(offset, last)
        switch key {
        case .escape, .character("v"), .character("q"), .ctrl("c"):
            state.mode = .normal
            return []
        case .character("t"):
            state.utc.toggle()
            state.mode = .timeline(offset: max(0, offset))
        default:
            let moved = ScrollKeys.offset(after: key, from: offset, page: visible, last: last) ?? offset
            state.mode = .timeline(offset: max(0, min(moved, last)))
        }
        return []
    }

    /// Bars the timeline shows at the screen's size.
    private static func timelineRows(_ state: ViewState) -> Int {
        max(1, Layout(width: state.screen.width, height: state.screen.height).body.height - TimelineView.headerLines)
    }

    /// The largest offset that still fills the timeline's lines.
    static func timelineLastOffset(_ state: ViewState, _ snapshot: Snapshot, now: Date) -> Int {
        max(0, timeline(snapshot, state, now: now).bars.count - timelineRows(state))
    }
}
