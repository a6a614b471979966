/// What the terminal can do, detected once at start.
public struct TerminalCapabilities: Sendable, Hashable {
    /// 0 (NO_COLOR, TERM=dumb), 8 or 256.
    public var colors: Int
    /// A UTF-8 locale: box drawing and ✔✖▶ symbols; otherwise ASCII.
    public var unicode: Bool

    public init(colors: Int, unicode: Bool) {
        self.colors = colors
        self.unicode = unicode
    }
}
