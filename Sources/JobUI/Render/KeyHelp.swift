import JobModel
/// The keys (from `KeyBindings`) and the tree's marks, for the help overlay and the footer.
enum KeyHelp {
    /// The help overlay's key lines, from the key table.
    static func entries(unicode: Bool) -> [(keys: String, what: String)] {
        KeyBindings.tree.compactMap { binding in
            binding.help.map { ($0.keys.text(unicode: unicode), $0.what) }
        }
    }

    /// Marks used in the tree.
    static func legend(unicode: Bool) -> [(keys: String, what: String)] {
        [
            (unicode ? "✔ ✖ ▶ ○ ?" : "+ x > o ?", "success, fail, running, init, other"),
            ("~ - ? !", "stale, purged, not found, auth stopped"),
            ("*", "slow"),
        ]
    }

    /// The short footer hint, from the key table.
    static func footer(unicode: Bool) -> String {
        footerHints(unicode: unicode).joined(separator: "  ")
    }

    /// The footer's hints one by one (`q quit`), most needed first.
    static func footerHints(unicode: Bool) -> [String] {
        KeyBindings.footer.compactMap { binding in
            binding.footer.map { "\($0.keys.text(unicode: unicode)) \($0.what)" }
        }
    }
}
