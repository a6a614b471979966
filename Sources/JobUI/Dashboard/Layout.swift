import JobModel
/// A rectangle of the screen.
struct Rect: Sendable, Hashable {
    var top: Int
    var left: Int
    var width: Int
    var height: Int
}

/// Where each part of the dashboard goes for a terminal size. The tree's split is kept in
/// `TreeGeometry`, which `render` draws with and `update` pages and scrolls by, so both agree
/// on how many tree rows there are.
struct Layout {
    static let minimumWidth = 40
    static let minimumHeight = 12
    /// From this width the detail pane goes to the right of the tree; narrower, the reason
    /// column needs the room more, so the pane goes below.
    static let sidePaneWidth = 160
    /// Tree rows kept when the detail pane is below it.
    static let minimumTreeRows = 8
    /// Below this height the pane (below the tree) starts closed: it would take half the tree.
    static let detailOpenHeight = 30

    let width: Int
    let height: Int
    let isTooSmall: Bool
    /// 3 header lines, or 2 on short terminals (health joins the progress line).
    let headerRows: Int
    /// The area between header and footer.
    let body: Rect
    var footerRow: Int { height - 1 }

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        isTooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        headerRows = height >= 16 ? 3 : 2
        body = Rect(top: headerRows, left: 0, width: width, height: max(0, height - headerRows - 1))
    }

    /// The body shared by the tree and the detail pane.
    struct Split: Sendable, Hashable {
        var tree: Rect
        /// `nil`: no pane (hidden, or no room for it).
        var detail: Rect?
        var detailOnRight: Bool
    }

    /// The tree and, if it fits, the detail pane (`detailLines`: how many lines it has to show).
    func split(showDetail: Bool, detailLines: Int) -> Split {
        guard showDetail, detailLines > 0 else { return Split(tree: body, detail: nil, detailOnRight: false) }
        if width >= Self.sidePaneWidth {
            let paneWidth = min(64, width * 2 / 5)
            let tree = Rect(top: body.top, left: 0, width: width - paneWidth - 1, height: body.height)
            let pane = Rect(top: body.top, left: width - paneWidth, width: paneWidth, height: body.height)
            return Split(tree: tree, detail: pane, detailOnRight: true)
        }
        // Only the lines the selected row has (and its title): no blank padding.
        let paneHeight = min(detailLines + 1, body.height - Self.minimumTreeRows)
        guard paneHeight >= min(detailLines + 1, 4) else { return Split(tree: body, detail: nil, detailOnRight: false) }
        let tree = Rect(top: body.top, left: 0, width: width, height: body.height - paneHeight)
        let pane = Rect(top: body.top + tree.height, left: 0, width: width, height: paneHeight)
        return Split(tree: tree, detail: pane, detailOnRight: false)
    }
}
