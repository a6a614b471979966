import Foundation
import JobModel

// MARK: - The timeline view

extension Dashboard {
    /// The batch of the selected node (`TreeGeometry.selectedNode`); every job when the cursor
    /// is on a job without sub-jobs (or on nothing).
    static func timeline(_ snapshot: Snapshot, selected: NodeRef?, now: Date) -> Timeline {
        let tagged = JobTitle.tagsServices(snapshot)
        if let selected {
            let job = snapshot.jobs[selected.job]
            if let subs = job.job?.subJobs, !subs.isEmpty { return Timeline(batch: job, now: now, tagged: tagged) }
        }
        return Timeline(jobs: snapshot.jobs, now: now, tagged: tagged)
    }

    static func timelineKey(_ key: Key, _ offset: Int, _ state: inout ViewState, latest: Snapshot, selected: NodeRef?, now: Date) -> [Effect] {
        let snapshot = state.displayed(latest)
        let visible = timelineRows(state)
        let last = timelineLastOffset(state, snapshot, selected: selected, now: now)
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
    static func timelineLastOffset(_ state: ViewState, _ snapshot: Snapshot, selected: NodeRef?, now: Date) -> Int {
        max(0, timeline(snapshot, selected: selected, now: now).bars.count - timelineRows(state))
    }
}
