import JobModel
/// Collects what the terminal sends between the bracketed-paste markers, across reads (a long
/// paste arrives in several), so the whole paste becomes one `Key.paste`.
struct PasteBuffer {
    /// Scalars kept; the rest of a larger paste is dropped (no job ID list is that long).
    static let limit = 64 * 1024

    private var scalars: String.UnicodeScalarView?
    private var count = 0
    /// The end marker as raw scalars: when its Esc came too late for curses to match the whole
    /// sequence (a slow link), it arrives as text and must still end the paste.
    private static let rawEnd = Array(TerminalEscapes.pasteEnd.unicodeScalars)
    private var matchedEnd = 0

    /// A paste whose end marker never came (a terminal that lost it) must not swallow the
    /// keyboard: after this long, the next read ends it.
    static let patience: Duration = .seconds(2)
    private var openedAt = ContinuousClock.now

    var isOpen: Bool { scalars != nil }

    /// Open for longer than `patience`.
    var isOverdue: Bool { isOpen && ContinuousClock.now - openedAt > Self.patience }

    mutating func begin() {
        openedAt = ContinuousClock.now
        scalars = String.UnicodeScalarView()
        count = 0
        matchedEnd = 0
    }

    /// Adds a scalar; returns the pasted text when it completed the (raw) end marker.
    mutating func append(_ scalar: Unicode.Scalar) -> String? {
        guard scalars != nil else { return nil }
        if scalar == Self.rawEnd[matchedEnd] {
            matchedEnd += 1
            if matchedEnd == Self.rawEnd.count { return end() }
            return nil
        }
        // Not the marker after all: what was held back is text.
        let held = Self.rawEnd.prefix(matchedEnd)
        matchedEnd = 0
        for pending in held { keep(pending) }
        if scalar == Self.rawEnd[0] {
            matchedEnd = 1
        } else {
            keep(scalar)
        }
        return nil
    }

    /// Ends the paste (curses matched the end marker); `nil` when none was open.
    mutating func end() -> String? {
        guard let text = scalars else { return nil }
        scalars = nil
        matchedEnd = 0
        return String(text)
    }

    private mutating func keep(_ scalar: Unicode.Scalar) {
        guard count < Self.limit else { return }
        scalars?.append(scalar)
        count += 1
    }
}
