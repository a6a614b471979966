import Foundation
import JobModel
import Testing
@testable import JobUI

/// The model keeps the tree's geometry; whatever message comes, it is what a fresh computation
/// for the model's state would give, and keys and frames agree with it.
struct TreeGeometryTests {
    let snapshot = Fixtures.snapshot()

    /// Another running batch, watched after the fixtures' three jobs.
    static var newcomer: JobState {
        var job = Fixtures.runningBatch
        job.entry = WatchEntry(profile: "prod", jobID: "new-job")
        job.key = Fixtures.key("new-job")
        return job
    }

    /// `count` copies of the single-server job: every row's detail pane is as tall.
    static func singles(_ count: Int) -> Snapshot {
        Fixtures.snapshot((1...count).map { n in
            var job = Fixtures.single
            let id = String(format: "%032x", n)
            job.key = Fixtures.key(id)
            job.entry = WatchEntry(profile: "prod", jobID: id)
            return job
        })
    }

    /// The rows, the selected row and the panes, as comparable values.
    private func shape(_ geometry: TreeGeometry) -> (rows: [NodeRef], selected: Int?, split: Layout.Split) {
        ((0..<geometry.tree.count).map { geometry.tree.node(at: $0) }, geometry.selectedRow, geometry.split)
    }

    /// The model's geometry equals one made from scratch for its state and shown snapshot.
    private func expectCurrent(_ model: Model, sourceLocation: SourceLocation = #_sourceLocation) {
        let kept = shape(model.geometry)
        let fresh = shape(TreeGeometry(model.state.displayed(model.snapshot), model.state))
        #expect(kept.rows == fresh.rows, sourceLocation: sourceLocation)
        #expect(kept.selected == fresh.selected, sourceLocation: sourceLocation)
        #expect(kept.split == fresh.split, sourceLocation: sourceLocation)
    }

    /// Messages that change what the geometry is made from (named: a snapshot prints long).
    enum Change: String, CaseIterable, Sendable {
        case down, pageUpFromTheEnd, filter, detailPane, unfold, foldWithEnter, search, widen
        case shrinkThenMove, newSnapshot, newSnapshotWhilePaused, unpauseOnANewSnapshot, resizeInTheTimeline

        var messages: [Message] {
            let fewer = Fixtures.snapshot([Fixtures.single])
            switch self {
            case .down: return [.key(.down)]
            case .pageUpFromTheEnd: return [.key(.end), .key(.pageUp)]
            case .filter: return [.key(.character("f"))]
            case .detailPane: return [.key(.character("i"))]
            case .unfold: return [.key(.character("G")), .key(.up), .key(.right)]
            case .foldWithEnter: return [.key(.character("g")), .key(.enter)]
            case .search: return [.key(.character("/"))] + Fixtures.keys("BAE51750").map(Message.key) + [.key(.enter)]
            case .widen: return [.resize(ScreenSize(width: 200, height: 50))]
            case .shrinkThenMove: return [.resize(ScreenSize(width: 40, height: 12)), .key(.down), .key(.down)]
            case .newSnapshot: return [.snapshot(Fixtures.snapshot([TreeGeometryTests.newcomer, Fixtures.single]))]
            case .newSnapshotWhilePaused: return [.key(.character("p")), .snapshot(fewer), .key(.down)]
            case .unpauseOnANewSnapshot: return [.key(.character("p")), .snapshot(fewer), .key(.character("p"))]
            case .resizeInTheTimeline: return [.key(.character("v")), .resize(ScreenSize(width: 100, height: 30)), .key(.escape)]
            }
        }
    }

    @Test(arguments: Change.allCases)
    func theKeptGeometryIsAlwaysCurrent(_ change: Change) {
        var model = Fixtures.model(Fixtures.state(width: 80, height: 30))
        expectCurrent(model)
        for message in change.messages {
            (model, _) = Fixtures.send([message], model)
            expectCurrent(model)
        }
    }

    @Test func aSnapshotWithANewJobGrowsTheTree() {
        let model = Fixtures.model()
        #expect(model.geometry.tree.count == 5)
        let (grown, _) = Fixtures.send([.snapshot(Fixtures.snapshot([Fixtures.failedBatch, Fixtures.runningBatch, Fixtures.single, Self.newcomer]))], model)
        #expect(grown.geometry.tree.count == 6)
        #expect(grown.geometry.tree.node(at: 5) == NodeRef(job: 3))
    }

    @Test func whilePausedTheTreeStaysTheFrozenOne() {
        var (model, _) = Fixtures.send([.key(.character("p"))], Fixtures.model())
        (model, _) = Fixtures.send([.snapshot(Fixtures.snapshot([Fixtures.failedBatch, Fixtures.runningBatch, Fixtures.single, Self.newcomer]))], model)
        #expect(model.geometry.tree.count == 5)
        (model, _) = Fixtures.send([.key(.character("p"))], model)
        #expect(model.geometry.tree.count == 6)
    }

    @Test func aResizeMovesTheTreesRect() {
        var model = Fixtures.model(Fixtures.state(width: 80, height: 40))
        // Below 160 columns the pane is under the tree, and the tree has what is left above it.
        let below = model.geometry.split
        #expect(below.tree.width == 80)
        #expect(!below.detailOnRight)
        #expect(below.detail.map { $0.top == below.tree.top + below.tree.height } == true)
        (model, _) = Fixtures.send([.resize(ScreenSize(width: 200, height: 40))], model)
        // From 160 the pane goes beside it: 64 columns and a bar taken from the tree.
        let beside = model.geometry.split
        #expect(beside.detailOnRight)
        #expect(beside.tree == Rect(top: 3, left: 0, width: 200 - 64 - 1, height: 40 - 3 - 1))
        #expect(beside.detail == Rect(top: 3, left: 200 - 64, width: 64, height: 40 - 3 - 1))
    }

    @Test func aPageIsTheTreeAboveTheDetailPane() {
        // 30 rows: the pane is open below the tree, 26 body rows shared between them.
        let model = Fixtures.model(Fixtures.state(width: 80, height: 30), Self.singles(40))
        let pane = try! #require(model.geometry.split.detail)
        #expect(model.geometry.pageRows + pane.height == 26)
        #expect(model.geometry.pageRows == model.geometry.split.tree.height)
        #expect(model.geometry.pageRows < 26)
        // The frame draws the pane's title right under the page's last tree row.
        let lines = Dashboard.view(model).lines
        #expect(lines.firstIndex { $0.hasPrefix("─ details") } == 3 + model.geometry.pageRows)
        // PgDn moves the selection by that page, and the model scrolls it into view.
        let (paged, _) = Fixtures.send([.key(.pageDown)], model)
        #expect(paged.geometry.selectedRow == model.geometry.pageRows)
        #expect(paged.state.selection == .job(Fixtures.key(String(format: "%032x", model.geometry.pageRows + 1))))
        #expect(paged.state.scrollOffset == model.geometry.pageRows)
    }

    @Test func theDriversOwnScreenSizeIsPickedUp() {
        // The driver sets the first size on the model, not with `.resize`.
        var model = Fixtures.model(Fixtures.state(width: 80, height: 24))
        model.state.screen = ScreenSize(width: 200, height: 40)
        let frame = Dashboard.view(model)
        #expect(frame.width == 200 && frame.height == 40)
        #expect(frame.lines.contains { $0.contains("│─ details") })
        (model, _) = Fixtures.send([.tick(Fixtures.now)], model)
        #expect(model.geometry.split.detailOnRight)
        #expect(model.geometry.split.tree.height == 40 - 3 - 1)
    }
}
