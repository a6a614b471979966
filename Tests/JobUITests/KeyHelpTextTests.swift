import Testing
@testable import JobUI

/// The help overlay's lines and the footer's hint, byte for byte: what a user reads must not
/// move when the way they are made does.
struct KeyHelpTextTests {
    @Test func theFooterHintReadsAsItAlwaysDid() {
        #expect(KeyHelp.footer(unicode: true) == "q quit  ? help  ↑↓ move  ←→ fold  f filter  / search  a add  d remove  r refresh  y copy  t UTC  p pause  e events  v timeline")
        #expect(KeyHelp.footer(unicode: false) == "q quit  ? help  j/k move  h/l fold  f filter  / search  a add  d remove  r refresh  y copy  t UTC  p pause  e events  v timeline")
    }

    @Test func theHelpOverlayListsTheKeysAsItAlwaysDid() {
        let common = [
            "PgUp PgDn = page",
            "g G = first / last",
        ]
        let rest = [
            "f = filter: all, failed, running, slow",
            "/ = search IDs, labels, reasons",
            "n N = next / previous match",
            "a = add job IDs (a paste opens this too)",
            "d = remove the job from the watch (asks y/n)",
            "r R = refresh the job now / all",
            "y = copy the selected ID",
            "t = local time / UTC",
            "p = pause the screen",
            "e = event log",
            "v = timeline of the batch (or every job) / tree",
            "i Tab = detail pane on / off (off under 30 rows)",
            "? = this help",
            "Esc = close, cancel",
            "q = quit",
        ]
        let unicode = KeyHelp.entries(unicode: true).map { "\($0.keys) = \($0.what)" }
        let ascii = KeyHelp.entries(unicode: false).map { "\($0.keys) = \($0.what)" }
        #expect(unicode == ["↑↓ j k = move"] + common + ["← → h l Enter = fold / unfold"] + rest)
        #expect(ascii == ["up dn j k = move"] + common + ["left right h l Enter = fold / unfold"] + rest)
    }
}
