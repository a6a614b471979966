import JobModel
/// Which columns of the tree fit a width, and how wide each is. Columns drop in the order
/// that keeps what matters most longest: reason first, then begin time, then elapsed, then the label shrinks.
struct TreeColumns: Equatable {
    /// Fold mark, indentation, symbol and marker come before the label: 4 columns + 2 per level.
    static let leadWidth = 4
    static let statusWidth = 7
    static let beginWidth = 8
    static let elapsedWidth = 6
    static let idealLabelArea = 20
    static let minimumReason = 12

    var idWidth: Int
    /// Indentation plus label, the same for every row so later columns line up.
    var labelArea: Int
    var showBegin: Bool
    var showElapsed: Bool
    /// 0 when the reason column is dropped.
    var reasonWidth: Int

    init(width: Int, idWidth: Int) {
        self.idWidth = idWidth
        // Label area (with lead), ID and status are always shown.
        let flexible = width - Self.leadWidth - (1 + idWidth) - (1 + Self.statusWidth)
        let begin = 1 + Self.beginWidth
        let elapsed = 1 + Self.elapsedWidth
        let ideal = Self.idealLabelArea
        if flexible >= ideal + elapsed + begin + 1 + Self.minimumReason {
            (labelArea, showBegin, showElapsed) = (ideal, true, true)
            reasonWidth = flexible - ideal - elapsed - begin - 1
        } else if flexible >= ideal + elapsed + begin {
            (labelArea, showBegin, showElapsed, reasonWidth) = (flexible - elapsed - begin, true, true, 0)
        } else if flexible >= ideal + elapsed {
            (labelArea, showBegin, showElapsed, reasonWidth) = (flexible - elapsed, false, true, 0)
        } else {
            (labelArea, showBegin, showElapsed, reasonWidth) = (max(0, flexible), false, false, 0)
        }
    }
}
