import JobModel
import Testing
@testable import JobUI

/// The columns table: what fits a width, in drop order.
struct TreeColumnsTests {
    func names(_ width: Int) -> [TreeColumn.Name] {
        TreeColumns(width: width, idWidth: 9).shown.map(\.name)
    }

    @Test func columnsDropInOrderAsTheWidthShrinks() {
        #expect(names(200) == [.label, .id, .status, .begin, .elapsed, .reason])
        #expect(names(65) == [.label, .id, .status, .begin, .elapsed], "the reason goes first")
        #expect(names(56) == [.label, .id, .status, .elapsed], "then the begin time")
        #expect(names(40) == [.label, .id, .status], "then the elapsed time; the label shrinks")
        #expect(TreeColumns(width: 40, idWidth: 9).width(of: .label) == 40 - 4 - 10 - 8)
        #expect(TreeColumns(width: 200, idWidth: 9).width(of: .reason) == 200 - 4 - 20 - 10 - 8 - 9 - 7 - 1)
    }

    @Test func aNewColumnIsOneEntry() {
        let zone = TreeColumn(name: .begin, width: .fixed(5), dropOrder: 0)
        let columns = TreeColumns(width: 200, idWidth: 9, columns: TreeColumn.all + [zone])
        #expect(columns.shown.count == TreeColumn.all.count + 1)
        let narrow = TreeColumns(width: 64, idWidth: 9, columns: TreeColumn.all.filter { $0.name != .begin } + [zone])
        #expect(!narrow.shown.contains { $0.width == 5 }, "its drop order 0 drops it before the reason")
        #expect(narrow.width(of: .reason) != nil)
    }

    @Test func theStatusColumnWidensForTheLongestWordOnScreen() {
        #expect(TreeColumns(width: 200, idWidth: 9).width(of: .status) == 7)
        #expect(TreeColumns(width: 200, idWidth: 9, statusWidth: 4).width(of: .status) == 7, "never narrower than RUNNING")
        #expect(TreeColumns(width: 200, idWidth: 9, statusWidth: 15).width(of: .status) == 15)
    }

    @Test(arguments: [JobStatus.pendingPayment, .other("ROLLBACKING"), .other("Initializing")])
    func aLongStatusIsShownWhole(_ status: JobStatus) {
        var state = Fixtures.single
        state.job?.status = status
        let frame = Fixtures.render(Fixtures.snapshot([Fixtures.failedBatch, state]), Fixtures.state(width: 120, height: 30), width: 120, height: 30)
        #expect(frame.lines.contains { $0.contains(" \(status.description) ") }, "\(frame.lines.joined(separator: "\n"))")
    }

    @Test func anEndlessUndocumentedStatusIsCutNotTheLabel() {
        var state = Fixtures.single
        state.job?.status = .other(String(repeating: "X", count: 40))
        let frame = Fixtures.render(Fixtures.snapshot([state]), Fixtures.state(width: 120, height: 30), width: 120, height: 30)
        let row = frame.lines.first { $0.contains("XXXX") } ?? ""
        #expect(row.contains(String(repeating: "X", count: 15) + "…"))
        #expect(!row.contains(String(repeating: "X", count: 17)))
    }
}
