import JobModel
/// The eight basic terminal colours (a 256-colour terminal may map `gray` to a real grey), or
/// one of a 256-colour terminal's (the palette uses those only where there are 256).
public enum TerminalColor: Sendable, Hashable {
    case black, red, green, yellow, blue, magenta, cyan, white, gray
    case indexed(UInt8)
}

/// How a cell looks. `nil` colours mean the terminal's default.
public struct Style: Sendable, Hashable {
    public var foreground: TerminalColor?
    public var background: TerminalColor?
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(foreground: TerminalColor? = nil, background: TerminalColor? = nil, bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
}
