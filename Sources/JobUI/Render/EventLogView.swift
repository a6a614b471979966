import JobModel

/// The `e` view: status changes, newest first.
enum EventLogView {
    /// `events` in any order; shown newest first (equal times: the later in the list first).
    /// `notes` (the dashboard's own lines, oldest first) are merged in by time.
    static func rows(_ context: RenderContext, events: [Transition], notes: [EventNote] = [], offset: Int, width: Int, height: Int) -> [Row] {
        let palette = context.palette
        var title = LineBuilder(width: width)
        title.add("Events, newest first: \(events.count + notes.count) — Esc closes", palette.title)
        if context.snapshot.droppedEvents > 0 {
            title.add("  (\(context.snapshot.droppedEvents) older dropped: the log keeps the last \(EventLog.bound))", palette.dim)
        }
        var rows = [title.row()]
        let ordered = merged(newestFirst(events), notes: notes)
        let visible = max(0, height - 1)
        let start = clampedOffset(offset, count: ordered.count, visible: visible)
        for index in start..<min(ordered.count, start + visible) {
            switch ordered[index] {
            case .transition(let event): rows.append(row(event, context, width: width))
            case .note(let note): rows.append(row(note, context, width: width))
            }
        }
        while rows.count < height { rows.append(LineBuilder(width: width).row()) }
        return rows
    }

    static func clampedOffset(_ offset: Int, count: Int, visible: Int) -> Int {
        max(0, min(offset, count - visible))
    }

    static func newestFirst(_ events: [Transition]) -> [Transition] {
        // Usually appended in order: then reversing is enough (and O(n) without comparisons).
        if zip(events, events.dropFirst()).allSatisfy({ $0.at <= $1.at }) { return events.reversed() }
        return events.enumerated().sorted { ($0.element.at, $0.offset) > ($1.element.at, $1.offset) }.map(\.element)
    }

    enum Line {
        case transition(Transition)
        case note(EventNote)
    }

    /// Notes are few: each goes before the first transition older than it.
    static func merged(_ newestFirst: [Transition], notes: [EventNote]) -> [Line] {
        guard !notes.isEmpty else { return newestFirst.map { .transition($0) } }
        var out: [Line] = []
        out.reserveCapacity(newestFirst.count + notes.count)
        var pending = notes.sorted { $0.at > $1.at }[...]
        for event in newestFirst {
            while let note = pending.first, note.at >= event.at {
                out.append(.note(note))
                pending = pending.dropFirst()
            }
            out.append(.transition(event))
        }
        out += pending.map { .note($0) }
        return out
    }

    private static func row(_ note: EventNote, _ context: RenderContext, width: Int) -> Row {
        var line = LineBuilder(width: width)
        line.add(ClockText.clock(note.at, context.zone) + "  ", context.palette.dim)
        line.add("\(note.label) \(context.shortID(note.jobID))  ")
        line.add(note.text, columns: line.remaining, context.palette.warning, ellipsis: context.ellipsis)
        return line.row()
    }

    private static func row(_ event: Transition, _ context: RenderContext, width: Int) -> Row {
        let palette = context.palette
        var line = LineBuilder(width: width)
        line.add(ClockText.clock(event.at, context.zone) + "  ", palette.dim)
        let label = event.label ?? event.key.service.label(for: event.jobType)
        var who = "\(label) \(context.shortID(event.key.jobID))"
        if let sub = event.subJobID { who += "/\(context.shortID(sub))" }
        line.add(who + "  ")
        let from = event.from
        line.add(from.map { StatusLook.symbol($0, unicode: context.unicode) + " " + $0.description } ?? "new", palette.status(from))
        line.add(" \(context.arrow) ", palette.dim)
        line.add(StatusLook.symbol(event.to, unicode: context.unicode) + " " + event.to.description, palette.status(event.to))
        if let reason = event.reason, !reason.isEmpty {
            line.add("  ")
            line.add(reason, columns: line.remaining, event.to == .fail ? palette.reason : palette.plain, ellipsis: context.ellipsis)
        }
        return line.row()
    }
}
