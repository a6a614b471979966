/// What the terminal can do, detected once at start.
public struct TerminalCapabilities: Sendable, Hashable {
    /// 0 (NO_COLOR, TERM=dumb), 8 or 256.
    public var colors: Int
    /// A UTF-8 locale: box drawing and ✔✖▶ symbols; otherwise ASCII.
    public var unicode: Bool
    /// The background the palette is chosen for (`ui.theme`, `COLORFGBG`, the terminal's
    /// answer to OSC 11; dark when nothing says).
    public var background: Background

    public init(colors: Int, unicode: Bool, background: Background = .dark) {
        self.colors = colors
        self.unicode = unicode
        self.background = background
    }
}
