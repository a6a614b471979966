import JobModel
/// The keys, for the help overlay and the footer.
enum KeyHelp {
    static func entries(unicode: Bool) -> [(keys: String, what: String)] {
        [
            (unicode ? "↑↓ j k" : "up dn j k", "move"),
            ("PgUp PgDn", "page"),
            ("g G", "first / last"),
            (unicode ? "← → h l Enter" : "left right h l Enter", "fold / unfold"),
            ("f", "filter: all, failed, running, slow"),
            ("/", "search IDs, labels, reasons"),
            ("n N", "next / previous match"),
            ("a", "add job IDs (a paste opens this too)"),
            ("d", "remove the job from the watch (asks y/n)"),
            // One line for both: the list must still fit 24 rows with `v`.
            ("r R", "refresh the job now / all"),
            ("y", "copy the selected ID"),
            ("t", "local time / UTC"),
            ("p", "pause the screen"),
            ("e", "event log"),
            ("v", "timeline of the batch (or every job) / tree"),
            ("i Tab", "detail pane on / off (off under 30 rows)"),
            ("?", "this help"),
            ("Esc", "close, cancel"),
            ("q", "quit"),
        ]
    }

    /// Marks used in the tree.
    static func legend(unicode: Bool) -> [(keys: String, what: String)] {
        [
            (unicode ? "✔ ✖ ▶ ○ ?" : "+ x > o ?", "success, fail, running, init, other"),
            ("~ - ? !", "stale, purged, not found, auth stopped"),
            ("*", "slow"),
        ]
    }

    /// The short footer hint.
    static func footer(unicode: Bool) -> String {
        let move = unicode ? "↑↓" : "j/k"
        let fold = unicode ? "←→" : "h/l"
        return "q quit  ? help  \(move) move  \(fold) fold  f filter  / search  a add  d remove  r refresh  y copy  t UTC  p pause  e events  v timeline"
    }
}
