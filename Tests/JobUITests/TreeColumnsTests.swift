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
}
