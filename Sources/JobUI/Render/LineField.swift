import JobModel

/// A part of a one-line summary (a header count, a health note, a footer hint, a percentile)
/// drawn whole or not at all. When the line is too narrow the least important fields go, the
/// rest keep their order: a label never loses its value (`sub-jobs 56:`) and no word is cut.
struct LineField {
    /// How long a field stays as the line narrows: the more important are placed first.
    enum Priority: Int, Comparable {
        case least, low, medium, high, highest, always

        static func < (a: Priority, b: Priority) -> Bool { a.rawValue < b.rawValue }
    }

    struct Piece {
        var text: String
        var style: Style
    }

    /// From the fullest to the shortest, each drawn whole (`throttled until 20:10:00 (the server
    /// asked for 1h)`, then without what the server asked).
    var forms: [[Piece]]
    var priority: Priority
    /// Goes before the field when another is shown before it (`"  "`, `" · "`).
    var lead: Piece
    /// Free text worth more cut than gone (an error's message): as a last resort it takes what
    /// is left of the line, with an ellipsis, if that is at least this many columns.
    var cutTo: Int?

    init(_ text: String, _ style: Style = .plain, priority: Priority, lead: Piece = Piece(text: "  ", style: .plain), cutTo: Int? = nil) {
        self.init(forms: [[Piece(text: text, style: style)]], priority: priority, lead: lead, cutTo: cutTo)
    }

    init(forms: [[Piece]], priority: Priority, lead: Piece = Piece(text: "  ", style: .plain), cutTo: Int? = nil) {
        self.forms = forms.filter { !$0.isEmpty }
        self.priority = priority
        self.lead = lead
        self.cutTo = cutTo
    }

    /// A field as placed on the line: its form, and whether it is cut to `columns`.
    struct Placed {
        var pieces: [Piece]
        var lead: Piece
        var columns: Int?
    }

    /// The fields that fit in `width`, in their order. The most important are placed first,
    /// each in the fullest form that fits beside those already placed, so a short field of
    /// little importance can still take room a longer one could not.
    static func fit(_ fields: [LineField], width: Int) -> [Placed] {
        var placed = [Placed?](repeating: nil, count: fields.count)
        let order = fields.indices.sorted { fields[$0].priority != fields[$1].priority ? fields[$0].priority > fields[$1].priority : $0 < $1 }
        for index in order {
            let field = fields[index]
            for form in field.forms {
                placed[index] = Placed(pieces: form, lead: field.lead, columns: nil)
                if columns(placed) <= width { break }
                placed[index] = nil
            }
            guard placed[index] == nil, let minimum = field.cutTo, let full = field.forms.first else { continue }
            // Cut: whatever the others leave, if it is enough to say something.
            placed[index] = Placed(pieces: full, lead: field.lead, columns: 0)
            let room = width - columns(placed)
            placed[index] = room >= minimum ? Placed(pieces: full, lead: field.lead, columns: room) : nil
        }
        return placed.compactMap { $0 }
    }

    /// Columns the placed fields take, leads included.
    static func columns(_ placed: [Placed?]) -> Int {
        var total = 0
        for field in placed.compactMap({ $0 }) {
            if total > 0 { total += DisplayWidth.of(field.lead.text) }
            total += field.columns ?? field.pieces.reduce(0) { $0 + DisplayWidth.of($1.text) }
        }
        return total
    }
}

extension LineBuilder {
    /// Draws the fields `LineField.fit` placed, each after its lead.
    mutating func add(_ placed: [LineField.Placed], ellipsis: String) {
        var first = true
        for field in placed {
            if !first { add(field.lead.text, field.lead.style) }
            first = false
            guard let columns = field.columns else {
                for piece in field.pieces { add(piece.text, piece.style) }
                continue
            }
            let text = field.pieces.map(\.text).joined()
            add(DisplayWidth.truncate(OneLine.of(text), to: columns, ellipsis: ellipsis), field.pieces.first?.style ?? .plain)
        }
    }

    /// Fits `fields` into the line (from its start: the first shown has no lead) and draws them.
    mutating func add(fields: [LineField], ellipsis: String) {
        add(LineField.fit(fields, width: remaining), ellipsis: ellipsis)
    }
}
