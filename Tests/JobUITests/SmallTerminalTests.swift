import Foundation
import JobModel
import Testing
@testable import JobUI

/// What a small terminal keeps: notices inside the width, the tree's rows before details.
struct SmallTerminalTests {
    let snapshot = Fixtures.snapshot()
    let longID = String(repeating: "0123456789abcdef", count: 9)  // 144 bytes: over the limit

    @Test(arguments: [40, 80])
    func aTooLongIDsErrorStaysInsideTheWidth(_ width: Int) {
        let (state, actions) = Fixtures.send([.key(.character("a")), .paste(longID), .key(.enter)], Fixtures.state(width: width), snapshot)
        #expect(actions == [.bell])
        let footer = Fixtures.render(snapshot, state, width: width).lines[23]
        #expect(DisplayWidth.of(footer) <= width)
        #expect(footer.hasPrefix("add job ID: "), "\(footer)")
        // The reason is there (cut with an ellipsis if it must be), after the typed text's tail.
        #expect(footer.contains("job ID is") || footer.hasSuffix("…"), "\(footer)")
        #expect(footer.contains("cdef"), "\(footer)")
        if width == 80 { #expect(footer.hasSuffix("job ID is longer than 128 bytes"), "\(footer)") }
    }

    @Test func aLongNoticeIsCutWithAnEllipsis() {
        var state = Fixtures.state(width: 40, height: 12)
        state.notice = "\(longID): the engine refused it"
        let footer = Fixtures.render(snapshot, state, width: 40, height: 12).lines[11]
        #expect(footer.count == 40)
        #expect(footer.hasSuffix("…"), "\(footer)")
    }

    @Test func under30RowsTheDetailPaneStartsClosed() {
        let state = Fixtures.state(width: 80, height: 24)
        #expect(!state.showDetail)
        let frame = Fixtures.render(snapshot, state)
        #expect(!frame.lines.contains { $0.hasPrefix("─ details") })
        // `i` opens it.
        let (opened, _) = Fixtures.press([.character("i")], state, snapshot)
        #expect(opened.showDetail)
        #expect(Fixtures.render(snapshot, opened).lines.contains { $0.hasPrefix("─ details") })
        // From 30 rows, or with room beside the tree, it starts open.
        #expect(Fixtures.state(width: 80, height: 30).showDetail)
        #expect(Fixtures.state(width: 160, height: 24).showDetail)
    }

    @Test func theDetailPaneTakesOnlyTheLinesItNeeds() {
        var state = Fixtures.state(width: 80, height: 24)
        state.showDetail = true
        state.selection = .job(Fixtures.single.key)
        let lines = Fixtures.render(snapshot, state).lines
        let title = try! #require(lines.firstIndex { $0.hasPrefix("─ details") })
        let facts = DetailView.lines(for: NodeRef(job: 2), RenderContext(snapshot: snapshot, state: state, palette: Palette(capabilities: Fixtures.color), now: Fixtures.now))
        // Title, one line a fact, then the footer: no blank lines.
        #expect(title + 1 + facts.count == 23, "\(lines.joined(separator: "\n"))")
        #expect(lines[title + 1 ..< 23].allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty }, "\(lines.joined(separator: "\n"))")
        // Paging agrees with what is drawn: the tree has every row above the pane.
        #expect(TreeGeometry(snapshot, state).pageRows == title - 3)
    }

    @Test func expandFailedOffFoldsFailedBatchesLikeOthers() {
        var state = Fixtures.state()
        state.showDetail = false
        state.expandFailed = false
        let lines = Fixtures.render(snapshot, state).lines
        #expect(lines[3].hasPrefix("▸ ✖ create servers"), "\(lines)")
        #expect(lines[4].hasPrefix("▸ ▶ reboot rack 7"), "\(lines)")
        // Unfolding by hand still works.
        let (unfolded, _) = Fixtures.press([.right], state, snapshot)
        #expect(Fixtures.render(snapshot, unfolded).lines[3].hasPrefix("▾ ✖ create servers"))
    }
}
