import Testing
@testable import JobUI

/// The keys line shows whole hints only, quit and help first: at 80 columns it ends after a
/// hint, not in `v t…`.
struct FooterWholeHintsTests {
    static func footer(width: Int, height: Int, capabilities: TerminalCapabilities) -> String {
        Fixtures.render(Fixtures.snapshot(), Fixtures.state(width: width, height: height), width: width, height: height, capabilities: capabilities).lines[height - 1]
    }

    /// Every hint of the footer, in the key table's order.
    static func hints(unicode: Bool) -> [String] {
        KeyBindings.footer.compactMap { $0.footer.map { "\($0.keys.text(unicode: unicode)) \($0.what)" } }
    }

    @Test(arguments: [(80, 24), (100, 30), (40, 12), (60, 20)], [Fixtures.color, Fixtures.ascii])
    func onlyWholeHintsQuitAndHelpFirst(_ size: (width: Int, height: Int), _ capabilities: TerminalCapabilities) {
        let footer = Self.footer(width: size.width, height: size.height, capabilities: capabilities)
        let hints = Self.hints(unicode: capabilities.unicode)
        let shown = footer.split(separator: "  ").map(String.init)
        #expect(shown.allSatisfy(hints.contains), "\(size): \(footer)")
        #expect(Array(shown.prefix(2)) == ["q quit", "? help"], "\(size): \(footer)")
        // In the table's order, none repeated.
        let positions = shown.compactMap { hints.firstIndex(of: $0) }
        #expect(positions == positions.sorted() && Set(positions).count == positions.count, "\(size): \(footer)")
        // As many as fit: the next hint would not.
        if let next = hints.first(where: { !shown.contains($0) }) {
            #expect(DisplayWidth.of(footer + "  " + next) > size.width, "\(size): \(footer) had room for \(next)")
        }
    }

    @Test func aWideTerminalShowsEveryHint() {
        #expect(Self.footer(width: 160, height: 40, capabilities: Fixtures.color) == KeyHelp.footer(unicode: true))
    }
}
