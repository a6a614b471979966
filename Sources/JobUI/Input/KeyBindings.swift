/// The keys of the tree: the normal mode's dispatch, the help overlay's lines and the footer's
/// hint are all read from here. The README's key table is checked against it.
enum KeyBindings {
    private typealias Caption = KeyBinding.Caption
    private typealias KeyText = KeyBinding.KeyText

    static let move = KeyBinding(
        [.on([.up, .character("k")], .moveUp), .on([.down, .character("j")], .moveDown)],
        help: Caption(KeyText("↑↓ j k", ascii: "up dn j k"), "move"),
        footer: Caption(KeyText("↑↓", ascii: "j/k"), "move"))
    static let page = KeyBinding(
        [.on([.pageUp], .pageUp), .on([.pageDown], .pageDown)],
        help: Caption("PgUp PgDn", "page"))
    static let ends = KeyBinding(
        [.on([.home, .character("g")], .first), .on([.end, .character("G")], .last)],
        help: Caption("g G", "first / last"))
    static let fold = KeyBinding(
        [.on([.right, .character("l")], .unfold), .on([.left, .character("h")], .foldOrGoUp), .on([.enter], .toggleFold)],
        help: Caption(KeyText("← → h l Enter", ascii: "left right h l Enter"), "fold / unfold"),
        footer: Caption(KeyText("←→", ascii: "h/l"), "fold"))
    static let filter = KeyBinding(
        [.on([.character("f")], .nextFilter)],
        help: Caption("f", "filter: all, failed, running, slow"), footer: Caption("f", "filter"))
    static let search = KeyBinding(
        [.on([.character("/")], .search)],
        help: Caption("/", "search IDs, labels, reasons"), footer: Caption("/", "search"))
    static let matches = KeyBinding(
        [.on([.character("n")], .nextMatch), .on([.character("N")], .previousMatch)],
        help: Caption("n N", "next / previous match"))
    static let add = KeyBinding(
        [.on([.character("a")], .addJobs)],
        help: Caption("a", "add job IDs (a paste opens this too)"), footer: Caption("a", "add"))
    static let remove = KeyBinding(
        [.on([.character("d")], .removeJob)],
        help: Caption("d", "remove the job from the watch (asks y/n)"), footer: Caption("d", "remove"))
    // One line for both: the list must still fit 24 rows with `v`.
    static let refresh = KeyBinding(
        [.on([.character("r")], .refresh), .on([.character("R")], .refreshAll)],
        help: Caption("r R", "refresh the job now / all"), footer: Caption("r", "refresh"))
    static let copy = KeyBinding(
        [.on([.character("y")], .copyID)],
        help: Caption("y", "copy the selected ID"), footer: Caption("y", "copy"))
    static let utc = KeyBinding(
        [.on([.character("t")], .toggleUTC)],
        help: Caption("t", "local time / UTC"), footer: Caption("t", "UTC"))
    static let pause = KeyBinding(
        [.on([.character("p")], .togglePause)],
        help: Caption("p", "pause the screen"), footer: Caption("p", "pause"))
    static let events = KeyBinding(
        [.on([.character("e")], .eventLog)],
        help: Caption("e", "event log"), footer: Caption("e", "events"))
    static let timeline = KeyBinding(
        [.on([.character("v")], .timeline)],
        help: Caption("v", "timeline of the batch (or every job) / tree"), footer: Caption("v", "timeline"))
    static let detail = KeyBinding(
        [.on([.character("i"), .tab], .toggleDetail)],
        help: Caption("i Tab", "detail pane on / off (off under 30 rows)"))
    static let help = KeyBinding(
        [.on([.character("?")], .help)],
        help: Caption("?", "this help"), footer: Caption("?", "help"))
    static let escape = KeyBinding(
        [.on([.escape], .clearSearch)],
        help: Caption("Esc", "close, cancel"))
    // Ctrl-C is a key only where the terminal does not turn it into SIGINT (which quits too).
    static let quit = KeyBinding(
        [.on([.character("q"), .ctrl("c")], .quit)],
        help: Caption("q", "quit"), footer: Caption("q", "quit"))
    // Works in every mode (`Dashboard.update` answers it first); left out of the overlay,
    // which is full at 24 rows.
    static let redraw = KeyBinding(
        [.on([.ctrl("l")], .redraw)],
        help: nil)

    /// Every binding, in the help overlay's order.
    static let tree: [KeyBinding] = [
        move, page, ends, fold, filter, search, matches, add, remove, refresh, copy, utc, pause,
        events, timeline, detail, help, escape, quit, redraw,
    ]

    /// The bindings the footer names, most needed first: how to leave, and where the rest is.
    static let footer: [KeyBinding] = [
        quit, help, move, fold, filter, search, add, remove, refresh, copy, utc, pause, events, timeline,
    ]

    /// What `key` does on the tree; `nil`: nothing.
    static func action(for key: Key) -> TreeAction? {
        actions[key]
    }

    /// The table by key (a test checks that no key is bound twice).
    private static let actions: [Key: TreeAction] = Dictionary(
        tree.flatMap { $0.presses.flatMap { press in press.keys.map { ($0, press.action) } } },
        uniquingKeysWith: { first, _ in first })
}
