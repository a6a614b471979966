import JobModel

/// The tree's columns after the status symbol, as an ordered table: a new column is one entry.
/// Each has a width rule and a drop priority; `TreeColumns` decides which fit a width.
struct TreeColumn: Sendable {
    enum Name: Sendable, Hashable {
        case label, id, status, begin, elapsed, reason
    }

    enum Width: Sendable, Hashable {
        /// Always this many columns.
        case fixed(Int)
        /// The job's ID column: as wide as the widest short ID on screen.
        case ids
        /// The status column: at least this wide, and as wide as the widest status word on
        /// screen (`ROLLBACKING`, `NOT FOUND`: a status is never cut).
        case statuses(minimum: Int)
        /// Ideally this wide (with the indentation), else what is left; never dropped.
        case label(ideal: Int)
        /// At least this wide, and everything left over.
        case rest(minimum: Int)
    }

    var name: Name
    var width: Width
    /// Columns that do not fit drop in increasing order; `nil` never drops.
    var dropOrder: Int?
    var alignRight = false

    /// In order on screen. Drop order keeps what matters most longest: the reason goes first,
    /// then the begin time, then the elapsed time; after that the label shrinks.
    static let all: [TreeColumn] = [
        TreeColumn(name: .label, width: .label(ideal: 20), dropOrder: nil),
        TreeColumn(name: .id, width: .ids, dropOrder: nil),
        TreeColumn(name: .status, width: .statuses(minimum: 7), dropOrder: nil),
        TreeColumn(name: .begin, width: .fixed(8), dropOrder: 2),
        TreeColumn(name: .elapsed, width: .fixed(6), dropOrder: 3, alignRight: true),
        TreeColumn(name: .reason, width: .rest(minimum: 12), dropOrder: 1),
    ]

    /// The table for a screen: a service tag (`CCE `) takes four more columns of the label, and
    /// a wide screen gives titles such as `CCE create cluster prod-k8s` room of their own.
    static func table(width: Int, tagged: Bool) -> [TreeColumn] {
        let ideal = (tagged ? 24 : 20) + (width >= 120 ? 8 : 0)
        return all.map { column in
            guard column.name == .label else { return column }
            var label = column
            label.width = .label(ideal: ideal)
            return label
        }
    }
}

/// Which columns of the tree fit a width, and how wide each is.
struct TreeColumns: Equatable {
    /// Fold mark, indentation, symbol and marker come before the label: 4 columns + 2 per level.
    static let leadWidth = 4

    /// The columns shown, in order, with their widths (the label's includes the indentation).
    private(set) var shown: [(name: TreeColumn.Name, width: Int, alignRight: Bool)] = []

    init(width: Int, idWidth: Int, statusWidth: Int = 0, columns: [TreeColumn] = TreeColumn.all) {
        // Each column but the first is preceded by one space.
        func minimum(_ column: TreeColumn) -> Int {
            switch column.width {
            case .fixed(let n): n
            case .ids: idWidth
            case .statuses(let least): max(least, statusWidth)
            case .label(let ideal): ideal
            case .rest(let least): least
            }
        }
        let available = width - Self.leadWidth
        var kept = columns
        let droppable = columns.filter { $0.dropOrder != nil }.sorted { $0.dropOrder! < $1.dropOrder! }
        var next = droppable.makeIterator()
        while kept.reduce(0, { $0 + minimum($1) }) + kept.count - 1 > available, let drop = next.next() {
            kept.removeAll { $0.name == drop.name }
        }
        // What is left over goes to the column that takes the rest, else to the label.
        let spare = available - (kept.reduce(0) { $0 + minimum($1) } + kept.count - 1)
        let taker = kept.firstIndex { if case .rest = $0.width { true } else { false } }
            ?? kept.firstIndex { if case .label = $0.width { true } else { false } }
        for (index, column) in kept.enumerated() {
            var columnWidth = minimum(column)
            if index == taker { columnWidth = max(0, columnWidth + spare) }
            shown.append((column.name, columnWidth, column.alignRight))
        }
    }

    func width(of name: TreeColumn.Name) -> Int? {
        shown.first { $0.name == name }?.width
    }

    static func == (a: TreeColumns, b: TreeColumns) -> Bool {
        a.shown.map(\.name) == b.shown.map(\.name) && a.shown.map(\.width) == b.shown.map(\.width)
    }
}
