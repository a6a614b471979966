import Foundation
import JobModel

/// What the user made of the screen (part of `Model`); `Dashboard.update` is its only writer
/// once the driver has set the starting `screen`, `context`, `utc` and `expandFailed`.
public struct ViewState: Sendable, Hashable {
    /// The selected row, by identity: it stays on the same job across snapshots.
    public var selection: NodeID?
    /// Rows folded or unfolded by hand (`true`: unfolded); rows not in here follow the default
    /// (failed jobs unfolded, everything else folded).
    public var foldOverrides: [NodeID: Bool] = [:]
    public var filter: Filter = .all
    /// The confirmed search text (`n`/`N` jump to its matches); empty when none.
    public var search: String = ""
    public var mode: Mode = .normal
    /// While paused, the screen shows this snapshot and ignores the newer ones the model takes in.
    public var frozen: Snapshot?
    /// When `p` froze the screen: elapsed times and ages stand still with it.
    public var frozenAt: Date?
    /// Show times in UTC instead of `localTimeZone`.
    public var utc = false
    /// The zone used for "local" times; the driver leaves the default, tests pin it.
    public var localTimeZone: TimeZone = .current
    /// The zone times are shown in.
    var zone: TimeZone { utc ? TimeZone(identifier: "UTC")! : localTimeZone }
    /// The first tree row shown (render still scrolls as needed to keep the selection visible).
    public var scrollOffset = 0
    /// Show the detail pane for the selected row (when the terminal is big enough). Until `i`
    /// decides, it is open when it does not crowd the tree: from 30 rows, or beside the tree.
    public var showDetail: Bool {
        get { detailChosen ?? (screen.height >= Layout.detailOpenHeight || screen.width >= Layout.sidePaneWidth) }
        set { detailChosen = newValue }
    }
    /// `i`/`Tab` (or a test) chose; `nil`: follow the terminal's size.
    var detailChosen: Bool?
    /// `ui.expand_failed`: failed batches (and batches with a failed sub-job) start unfolded.
    public var expandFailed = true
    /// The terminal size, for paging and drawing; `.resize` sets it.
    public var screen = ScreenSize(width: 80, height: 24)
    /// What the header names first, e.g. `prod · cn-north-4`; empty: the profiles of the jobs.
    public var context: String = ""
    /// A one-shot message for the footer (`copied …`, `no match`); cleared by the next key,
    /// paste or resize.
    public var notice: String?
    /// Lines of the event log the dashboard adds itself (a removal).
    public var notes: [EventNote] = []
    /// Where the selection was last seen (row and position in the snapshot): makes finding it
    /// again O(1) in the common case, and gives a place to land when it disappears.
    var selectionHint: SelectionHint?

    public init() {}

    /// Paused: the screen is frozen on the snapshot taken when `p` was pressed.
    public var isPaused: Bool { frozen != nil }

    /// The snapshot to show: the frozen one while paused, else `latest`.
    public func displayed(_ latest: Snapshot) -> Snapshot { frozen ?? latest }
}

/// The last known place of the selection.
struct SelectionHint: Sendable, Hashable {
    var row: Int
    var node: NodeRef
}
