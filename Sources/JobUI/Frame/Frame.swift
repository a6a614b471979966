import JobModel
/// One cell of the screen: a grapheme (1 or 2 columns wide) and its style.
/// A wide grapheme is followed by nothing: `width` says how many columns it takes.
public struct Cell: Sendable, Hashable {
    public var grapheme: String
    public var width: Int
    public var style: Style

    public init(_ grapheme: String, width: Int = 1, style: Style = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }
}

/// One screen line. Its cells' widths add up to at most the frame's width.
public struct Row: Sendable, Hashable {
    public var cells: [Cell]

    public init(cells: [Cell] = []) {
        self.cells = cells
    }

    /// The line as plain text (what `tmux capture-pane -p` would show, trailing spaces removed).
    public var text: String {
        var s = cells.map(\.grapheme).joined()
        while s.last == " " { s.removeLast() }
        return s
    }

    public var width: Int { cells.reduce(0) { $0 + $1.width } }
}

/// What the terminal should show: rows top to bottom, plus the side effects of this frame.
public struct Frame: Sendable, Hashable {
    public var width: Int
    public var height: Int
    /// Exactly `height` rows.
    public var rows: [Row]
    /// Window title (`jobwatch 21✔ 3✖ 4▶`).
    public var title: String
    /// Where to put the cursor (a text prompt), or `nil` to hide it.
    public var cursor: (row: Int, column: Int)?

    public init(width: Int, height: Int, rows: [Row], title: String, cursor: (row: Int, column: Int)? = nil) {
        self.width = width
        self.height = height
        self.rows = rows
        self.title = title
        self.cursor = cursor
    }

    public var lines: [String] { rows.map(\.text) }

    public static func == (a: Frame, b: Frame) -> Bool {
        a.width == b.width && a.height == b.height && a.rows == b.rows && a.title == b.title
            && a.cursor?.row == b.cursor?.row && a.cursor?.column == b.cursor?.column
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(height)
        hasher.combine(rows)
        hasher.combine(title)
    }
}
