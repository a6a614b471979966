import JobModel

/// The `?` overlay: every key, then the tree's marks; in two columns when every line fits its
/// column whole. Taller than the body it scrolls, and says so: `↓ more` at the end of its last
/// line while there is more below, `↑ more` at the end of its title once scrolled.
enum HelpView {
    static func rows(_ context: RenderContext, offset: Int, width: Int, height: Int) -> [Row] {
        guard height > 0 else { return [] }
        let palette = context.palette
        let items = items(unicode: context.unicode)
        let keys = keysWidth(items)
        let columns = columns(items, width: width)
        let columnWidth = width / columns
        let count = lineCount(items.count, columns: columns)
        let offset = max(0, min(offset, lastOffset(count, height: height)))
        let visible = max(0, height - 1)
        let moreBelow = offset + visible < count

        var title = LineBuilder(width: width)
        title.add(context.unicode ? "Keys — Esc closes" : "Keys - Esc closes", palette.title)
        if offset > 0 { title.addRight(context.unicode ? "↑ more" : "^ more", columns: title.remaining, palette.bold) }
        var rows = [title.row()]
        let last = min(count, offset + visible) - 1
        for index in offset..<(last + 1) {
            // The last line keeps room for its mark: a description is cut before the mark is.
            let mark = index == last && moreBelow ? (context.unicode ? "↓ more" : "v more") : nil
            let reserved = mark.map { DisplayWidth.of($0) + 2 } ?? 0
            var line = LineBuilder(width: width)
            for column in 0..<columns {
                let item = column * count + index
                guard item < items.count else { continue }
                line.pad(to: column * columnWidth)
                line.add(" " + items[item].keys, columns: keys, palette.key, ellipsis: context.ellipsis)
                line.add(items[item].what, columns: min(columnWidth - keys, line.remaining - reserved), palette.plain, ellipsis: context.ellipsis)
            }
            if let mark { line.addRight(mark, columns: line.remaining, palette.bold) }
            rows.append(line.row())
        }
        while rows.count < height { rows.append(LineBuilder(width: width).row()) }
        return rows
    }

    /// The largest offset at a size: the last lines fill the body under the title.
    static func lastOffset(width: Int, height: Int, unicode: Bool) -> Int {
        let items = items(unicode: unicode)
        return lastOffset(lineCount(items.count, columns: columns(items, width: width)), height: height)
    }

    /// Lines a page key moves: those shown under the title.
    static func page(height: Int) -> Int {
        max(1, height - 1)
    }

    /// The key lines, then the marks' legend.
    private static func items(unicode: Bool) -> [(keys: String, what: String)] {
        KeyHelp.entries(unicode: unicode) + KeyHelp.legend(unicode: unicode)
    }

    /// Columns for the keys: the longest (`left right h l Enter` in ASCII) whole, with a space
    /// before and two after.
    private static func keysWidth(_ items: [(keys: String, what: String)]) -> Int {
        max(16, (items.map { DisplayWidth.of($0.keys) }.max() ?? 0) + 3)
    }

    /// Two columns only when every line fits its column whole.
    private static func columns(_ items: [(keys: String, what: String)], width: Int) -> Int {
        let widest = keysWidth(items) + (items.map { DisplayWidth.of($0.what) }.max() ?? 0) + 1
        return width >= 2 * widest ? 2 : 1
    }

    private static func lineCount(_ items: Int, columns: Int) -> Int {
        (items + columns - 1) / columns
    }

    private static func lastOffset(_ lines: Int, height: Int) -> Int {
        max(0, lines - (height - 1))
    }
}
