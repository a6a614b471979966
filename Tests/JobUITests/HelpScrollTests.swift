import Testing
@testable import JobUI

/// The `?` overlay scrolls when it does not fit, and says so: `↓ more` at the end of its last
/// line while there is more below, `↑ more` on its title once scrolled. The symbol legend is
/// reachable at 80×24, and its first page still lists every key.
struct HelpScrollTests {
    let snapshot = Fixtures.snapshot()

    func opened(width: Int = 80, height: Int = 24) -> ViewState {
        Fixtures.press([.character("?")], Fixtures.state(width: width, height: height), snapshot).0
    }

    /// The overlay's lines (between the header and the footer), trailing spaces removed.
    func body(_ state: ViewState, capabilities: TerminalCapabilities = Fixtures.color) -> [String] {
        let width = state.screen.width, height = state.screen.height
        let lines = Fixtures.render(snapshot, state, width: width, height: height, capabilities: capabilities).lines
        return Array(lines[Layout(width: width, height: height).headerRows ..< height - 1])
    }

    func footer(_ state: ViewState) -> String {
        Fixtures.render(snapshot, state, width: state.screen.width, height: state.screen.height).lines[state.screen.height - 1]
    }

    static let legend = KeyHelp.legend(unicode: true)

    /// Whether `lines` show the legend's line for `item`.
    static func shows(_ item: (keys: String, what: String), in lines: [String]) -> Bool {
        lines.contains { $0.hasPrefix(" " + item.keys + " ") && $0.contains(item.what) }
    }

    @Test func at80x24TheLegendIsBelowAMoreMarkAndScrollsIntoView() {
        var state = opened()
        var lines = body(state)
        #expect(lines.last?.hasSuffix("↓ more") == true, "\(lines)")
        #expect(!lines[0].contains("more"), "nothing above yet: \(lines[0])")
        #expect(!Self.legend.contains { Self.shows($0, in: lines) }, "\(lines)")
        // Every key is on the first page, as before the legend could scroll.
        #expect(lines.last?.hasPrefix(" q ") == true, "\(lines)")
        #expect(footer(state) == "↑↓ scroll  Esc close")

        // One line down: the first key line leaves, the title says there is more above.
        let first = lines[1]
        (state, _) = Fixtures.press([.character("j")], state, snapshot)
        lines = body(state)
        #expect(!lines.contains(first), "\(lines)")
        #expect(lines[0].hasSuffix("↑ more"), "\(lines[0])")

        // A page down reaches the end: the whole legend, and no mark below.
        (state, _) = Fixtures.press([.pageDown, .pageDown], state, snapshot)
        lines = body(state)
        for item in Self.legend { #expect(Self.shows(item, in: lines), "\(item): \(lines)") }
        #expect(!lines.contains { $0.contains("↓ more") }, "\(lines)")
        #expect(lines[0].hasSuffix("↑ more"))

        // Back up with k, ↑ and PgUp: the top again, no mark above.
        (state, _) = Fixtures.press([.character("k"), .up, .pageUp], state, snapshot)
        lines = body(state)
        #expect(lines[1] == first, "\(lines)")
        #expect(!lines[0].contains("more"))
        #expect(lines.last?.hasSuffix("↓ more") == true)
    }

    @Test func at40x12EveryLineIsReachedOneByOne() {
        var state = opened(width: 40, height: 12)
        var seen = Set<String>()
        for _ in 0..<30 {
            seen.formUnion(body(state))
            (state, _) = Fixtures.press([.down], state, snapshot)
        }
        let items = KeyHelp.entries(unicode: true) + KeyHelp.legend(unicode: true)
        for item in items {
            #expect(seen.contains { $0.hasPrefix(" " + item.keys) && $0.contains(String(item.what.prefix(10))) }, "\(item) never shown")
        }
        // At the end, nothing below.
        #expect(!body(state).contains { $0.contains("more") && !$0.hasPrefix("Keys") })
    }

    @Test func whenEverythingFitsThereIsNoMarkAndNothingScrolls() {
        let state = opened(width: 100, height: 30)
        let lines = body(state)
        #expect(!lines.contains { $0.contains("more") }, "\(lines)")
        for item in Self.legend { #expect(Self.shows(item, in: lines), "\(item): \(lines)") }
        let (pressed, _) = Fixtures.press([.character("j"), .pageDown, .end], state, snapshot)
        #expect(body(pressed) == lines)
        #expect(footer(state) == "Esc close help")
    }

    @Test func asciiMarksAndNothingButASCII() {
        var state = opened()
        var lines = body(state, capabilities: Fixtures.ascii)
        #expect(lines.last?.hasSuffix("v more") == true, "\(lines)")
        (state, _) = Fixtures.press([.character("j")], state, snapshot)
        lines = body(state, capabilities: Fixtures.ascii)
        #expect(lines[0].hasSuffix("^ more"))
        for line in lines { #expect(line.unicodeScalars.allSatisfy { $0.isASCII }, "\(line)") }
        // The longest keys are whole: `left right h l Enter`.
        #expect(lines.contains { $0.hasPrefix(" left right h l Enter  fold / unfold") }, "\(lines)")
    }

    @Test func aResizeKeepsItInsideItsLines() {
        let (scrolled, _) = Fixtures.press([.character("?"), .end], Fixtures.state(width: 40, height: 12), snapshot)
        #expect(scrolled.mode != .help(offset: 0))
        let (fits, _) = Fixtures.send([.resize(ScreenSize(width: 100, height: 30))], scrolled, snapshot)
        #expect(fits.mode == .help(offset: 0))
    }

    @Test(arguments: [Key.escape, .character("?"), .character("q")])
    func closesWhereverItIsScrolledTo(_ key: Key) {
        let (scrolled, _) = Fixtures.press([.character("?"), .pageDown], Fixtures.state(), snapshot)
        let (closed, effects) = Fixtures.press([key], scrolled, snapshot)
        #expect(closed.mode == .normal)
        #expect(effects.isEmpty)
        // Opened again: from the top.
        let (reopened, _) = Fixtures.press([.character("?")], closed, snapshot)
        #expect(!body(reopened)[0].contains("more"))
    }
}
