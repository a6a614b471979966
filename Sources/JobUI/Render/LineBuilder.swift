import JobModel
/// Builds one screen row from styled text pieces, never past `width` columns and never
/// splitting a wide character; `row()` pads it to exactly `width`.
struct LineBuilder {
    let width: Int
    private(set) var cells: [Cell] = []
    private(set) var used = 0

    init(width: Int) {
        self.width = max(0, width)
        // One allocation a row: a row grows to exactly `width` cells.
        cells.reserveCapacity(self.width)
    }

    var remaining: Int { width - used }

    /// Appends as much of `text` as fits; control characters become spaces.
    mutating func add(_ text: String, _ style: Style = .plain) {
        if DisplayWidth.isPrintableASCII(text) {
            // Most text on screen: one cell a byte, no grapheme breaking or width lookup.
            for byte in text.utf8 {
                guard used < width else { return }
                cells.append(Cell(ASCIIGraphemes.of(byte), width: 1, style: style))
                used += 1
            }
            return
        }
        // A rule or a run of one symbol repeats its character: its width is looked up once.
        var previous: (character: Character, width: Int)?
        for character in text {
            let drawn: Character = character.isNewline || character == "\t" || character.isASCII && DisplayWidth.of(character) == 0 ? " " : character
            let w: Int
            if let previous, previous.character == drawn {
                w = previous.width
            } else {
                w = DisplayWidth.of(drawn)
                previous = (drawn, w)
            }
            if w == 0 { continue }
            if used + w > width { return }
            cells.append(Cell(String(drawn), width: w, style: style))
            used += w
        }
    }

    /// Appends `text` cut (with an ellipsis) and padded to exactly `columns` (or what is left).
    mutating func add(_ text: String, columns: Int, _ style: Style = .plain, ellipsis: String = "…") {
        let columns = min(columns, remaining)
        guard columns > 0 else { return }
        let start = used
        add(DisplayWidth.truncate(OneLine.of(text), to: columns, ellipsis: ellipsis), style)
        pad(to: start + columns, style)
    }

    /// Appends `text` right-aligned in `columns`.
    mutating func addRight(_ text: String, columns: Int, _ style: Style = .plain) {
        let textWidth = DisplayWidth.of(text)
        pad(to: used + max(0, columns - textWidth))
        add(text, style)
    }

    /// Spaces up to column `column` (exclusive).
    mutating func pad(to column: Int, _ style: Style = .plain) {
        let missing = min(column, width) - used
        guard missing > 0 else { return }
        cells.append(contentsOf: repeatElement(Cell(" ", style: style), count: missing))
        used += missing
    }

    /// Applies `change` to every cell so far (e.g. reverse video for the selected row).
    mutating func restyle(_ change: (inout Style) -> Void) {
        for index in cells.indices { change(&cells[index].style) }
    }

    /// The row, padded with spaces to exactly `width` columns in `fill` style.
    consuming func row(fill: Style = .plain) -> Row {
        pad(to: width, fill)
        return Row(cells: cells)
    }

}
