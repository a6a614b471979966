import JobModel
/// Builds one screen row from styled text pieces, never past `width` columns and never
/// splitting a wide character; `row()` pads it to exactly `width`.
struct LineBuilder {
    let width: Int
    private(set) var cells: [Cell] = []
    private(set) var used = 0

    init(width: Int) {
        self.width = max(0, width)
    }

    var remaining: Int { width - used }

    /// Appends as much of `text` as fits; control characters become spaces.
    mutating func add(_ text: String, _ style: Style = .plain) {
        for character in text {
            let drawn: Character = character.isNewline || character == "\t" || DisplayWidth.of(character) == 0 && character.isASCII ? " " : character
            let w = DisplayWidth.of(drawn)
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
        while used < min(column, width) {
            cells.append(Cell(" ", style: style))
            used += 1
        }
    }

    /// Applies `change` to every cell so far (e.g. reverse video for the selected row).
    mutating func restyle(_ change: (inout Style) -> Void) {
        for index in cells.indices { change(&cells[index].style) }
    }

    /// The row, padded with spaces to exactly `width` columns in `fill` style.
    func row(fill: Style = .plain) -> Row {
        var copy = self
        copy.pad(to: width, fill)
        return Row(cells: copy.cells)
    }

}
