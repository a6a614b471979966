import Testing
import JobModel
@testable import JobUI

/// Printable ASCII takes a fast path (a cell a byte); everything else goes grapheme by
/// grapheme. Both must draw the same cells.
struct LineBuilderTests {
    /// The cells of `text` as the general path draws them: a trailing wide character forces that
    /// path, and is then dropped again.
    private func generalCells(_ text: String, width: Int, columns: Int? = nil) -> [Cell] {
        var line = LineBuilder(width: width + 2)
        if let columns { line.add(text + "配", columns: columns + 2) } else { line.add(text + "配") }
        var cells = line.row().cells
        cells.removeLast(cells.count - min(cells.count, columns ?? width))
        return cells
    }

    @Test(arguments: ["", "a", "SUCCESS", "  3/20 done, 1 failed", String(repeating: "x", count: 300), "~!@#$%^&*()_+{}|:<>? `"])
    func asciiDrawsAsTheGeneralPathDoes(_ text: String) {
        for width in [0, 1, 5, 40, 200] {
            var fast = LineBuilder(width: width)
            fast.add(text)
            let drawn = fast.row().cells
            #expect(drawn.count == width)
            let expected = Array(text.prefix(width)).map { Cell(String($0)) }
            #expect(Array(drawn.prefix(expected.count)) == expected, "width \(width)")
            #expect(drawn.dropFirst(expected.count).allSatisfy { $0 == Cell(" ") })
        }
    }

    @Test func asciiIsCutWithTheEllipsisLikeAnyText() {
        var line = LineBuilder(width: 12)
        line.add("i-0123456789abcdef", columns: 8)
        #expect(line.row().text == "i-01234…")
        #expect(DisplayWidth.truncate("i-0123456789abcdef", to: 8, ellipsis: "~") == "i-01234~")
        var exact = LineBuilder(width: 12)
        exact.add("abcdefgh", columns: 8)
        #expect(exact.row().text == "abcdefgh")
    }

    @Test func controlBytesStillBecomeSpaces() {
        var line = LineBuilder(width: 10)
        line.add("a\tb\u{1B}c")
        // Not printable ASCII: the general path turns the tab and ESC into spaces.
        #expect(line.row().text == "a b c")
    }

    @Test func aRuleOfOneRepeatedSymbolKeepsItsWidth() {
        var line = LineBuilder(width: 10)
        line.add(String(repeating: "─", count: 20))
        #expect(line.row().cells.allSatisfy { $0.grapheme == "─" && $0.width == 1 })
        var wide = LineBuilder(width: 9)
        wide.add(String(repeating: "配", count: 20))
        let cells = wide.row().cells
        // Four wide characters fill 8 columns; the ninth is padding.
        #expect(cells.filter { $0.grapheme == "配" }.count == 4)
        #expect(cells.allSatisfy { $0.grapheme == "配" ? $0.width == 2 : $0.grapheme == " " })
    }

    @Test func sideBySideRowsKeepTheFrameWidth() {
        var state = Fixtures.state(width: 200, height: 40)
        state.showDetail = true
        let frame = Fixtures.render(Fixtures.snapshot(), state, width: 200, height: 40)
        #expect(frame.rows.count == 40)
        #expect(frame.rows.allSatisfy { $0.width == 200 })
        // The tree and the detail pane share rows, split by a bar.
        #expect(frame.lines.contains { $0.contains("│") && $0.contains("─ details") })
    }
}
