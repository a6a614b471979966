import JobModel
/// The `?` overlay: every key, in two columns when they fit.
enum HelpView {
    static func rows(_ context: RenderContext, width: Int, height: Int) -> [Row] {
        let palette = context.palette
        var items = KeyHelp.entries(unicode: context.unicode)
        items += KeyHelp.legend(unicode: context.unicode)
        var title = LineBuilder(width: width)
        title.add("Keys — Esc closes", palette.title)
        var rows = [title.row()]
        let columns = width >= 100 ? 2 : 1
        let columnWidth = width / columns
        let perColumn = (items.count + columns - 1) / columns
        for index in 0..<perColumn {
            var line = LineBuilder(width: width)
            for column in 0..<columns {
                let item = column * perColumn + index
                guard item < items.count else { continue }
                line.pad(to: column * columnWidth)
                line.add(" " + items[item].keys, columns: 16, palette.key)
                line.add(items[item].what, columns: columnWidth - 16, palette.plain, ellipsis: context.ellipsis)
            }
            rows.append(line.row())
        }
        return Array((rows + Array(repeating: LineBuilder(width: width).row(), count: max(0, height - rows.count))).prefix(height))
    }
}
