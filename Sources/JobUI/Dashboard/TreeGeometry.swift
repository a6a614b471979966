import JobModel

/// The tree as the screen lays it out: the rows it shows, the selected one, and where the tree
/// and the detail pane go. `Model.geometry` keeps it for the shown snapshot at the screen's
/// size, so keys, page sizes and frames read it instead of building the tree again; `updated`
/// makes it again only when what it was made from changed.
struct TreeGeometry: Sendable {
    /// The rows the tree shows.
    let tree: VisibleTree
    /// The selected row; `nil` only for an empty tree.
    let selectedRow: Int?
    /// Where the tree and the detail pane go.
    let split: Layout.Split
    /// What it was made from.
    private let inputs: Inputs

    /// The node on the selected row.
    var selectedNode: NodeRef? { selectedRow.map { tree.node(at: $0) } }

    /// Rows a page key moves: the tree's height, with the detail pane where it is drawn.
    var pageRows: Int { max(1, split.tree.height) }

    /// At the screen's size (`state.screen`), as the model keeps it.
    init(_ snapshot: Snapshot, _ state: ViewState) {
        self.init(snapshot, state, width: state.screen.width, height: state.screen.height)
    }

    init(_ snapshot: Snapshot, _ state: ViewState, width: Int, height: Int) {
        self.init(snapshot, state, width: width, height: height, reusing: nil)
    }

    /// This geometry at the screen's size, made current for `snapshot` and `state`.
    func updated(for snapshot: Snapshot, _ state: ViewState) -> TreeGeometry {
        updated(for: snapshot, state, width: state.screen.width, height: state.screen.height)
    }

    /// `self` when made from the same snapshot, view state and size; else made again, keeping the
    /// tree when only the selection, the detail pane or the size changed.
    func updated(for snapshot: Snapshot, _ state: ViewState, width: Int, height: Int) -> TreeGeometry {
        let next = Inputs(snapshot, state, width: width, height: height)
        if next == inputs { return self }
        return TreeGeometry(snapshot, state, width: width, height: height, reusing: next.tree == inputs.tree ? tree : nil)
    }

    /// The one place the tree, the selection's row and the split are worked out.
    private init(_ snapshot: Snapshot, _ state: ViewState, width: Int, height: Int, reusing reusable: VisibleTree?) {
        let tree = reusable ?? VisibleTree(snapshot, state)
        let selectedRow = Selection.row(state, snapshot, tree)
        // The pane's height follows the selected row's facts; hidden, they are not counted.
        let detailLines = state.showDetail ? DetailView.lineCount(selectedRow.map { tree.node(at: $0) }, snapshot, state) : 0
        self.tree = tree
        self.selectedRow = selectedRow
        split = Layout(width: width, height: height).split(showDetail: state.showDetail, detailLines: detailLines)
        inputs = Inputs(snapshot, state, width: width, height: height)
    }

    /// Everything the geometry is made from: equal inputs make an equal geometry.
    private struct Inputs: Equatable {
        /// What the rows are made from.
        struct Tree: Equatable {
            /// Cheap to compare while it is the same snapshot: `takenAt` differs first, and
            /// copies share their arrays.
            let snapshot: Snapshot
            let foldOverrides: [NodeID: Bool]
            let filter: Filter
            let expandFailed: Bool
        }

        let tree: Tree
        let selection: NodeID?
        let selectionHint: SelectionHint?
        let showDetail: Bool
        let width: Int
        let height: Int

        init(_ snapshot: Snapshot, _ state: ViewState, width: Int, height: Int) {
            tree = Tree(snapshot: snapshot, foldOverrides: state.foldOverrides, filter: state.filter, expandFailed: state.expandFailed)
            selection = state.selection
            selectionHint = state.selectionHint
            showDetail = state.showDetail
            self.width = width
            self.height = height
        }
    }
}
