/// Keys that share a line of help (`n N`: next / previous match), the action each triggers, and
/// how the help overlay and the footer name them: one place for all three, like bubbles'
/// `key.Binding`.
struct KeyBinding: Sendable {
    /// Keys that trigger one action.
    struct Press: Sendable {
        let keys: [Key]
        let action: TreeAction

        static func on(_ keys: [Key], _ action: TreeAction) -> Press { Press(keys: keys, action: action) }
    }

    /// How keys are written, with an ASCII form where it differs (arrows).
    struct KeyText: Sendable, ExpressibleByStringLiteral {
        let unicode: String
        let ascii: String

        init(_ unicode: String, ascii: String) {
            self.unicode = unicode
            self.ascii = ascii
        }

        init(stringLiteral text: String) { self.init(text, ascii: text) }

        func text(unicode: Bool) -> String { unicode ? self.unicode : ascii }
    }

    /// The keys as written, and what they do.
    struct Caption: Sendable {
        let keys: KeyText
        let what: String

        init(_ keys: KeyText, _ what: String) {
            self.keys = keys
            self.what = what
        }
    }

    let presses: [Press]
    /// The help overlay's line; `nil`: not in the overlay.
    let help: Caption?
    /// The footer's short hint; `nil`: not in the footer (`KeyBindings.footer` orders them).
    let footer: Caption?

    init(_ presses: [Press], help: Caption?, footer: Caption? = nil) {
        self.presses = presses
        self.help = help
        self.footer = footer
    }

    /// Every key of the binding.
    var keys: [Key] { presses.flatMap(\.keys) }
}
