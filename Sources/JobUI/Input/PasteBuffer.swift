/// Collects what the terminal sends between the bracketed-paste markers, across reads (a long
/// paste arrives in several), so the whole paste becomes one `Key.paste`.
public struct PasteBuffer: Sendable {
    /// Bracketed paste's end marker (xterm mode 2004), as the terminal sends it.
    public static let endMarker = "\u{1B}[201~"

    /// Scalars kept; the rest of a larger paste is dropped (no job ID list is that long).
    public static let limit = 64 * 1024

    private var scalars: String.UnicodeScalarView?
    private var count = 0
    /// The end marker as raw scalars: when its Esc came too late for curses to match the whole
    /// sequence (a slow link), it arrives as text and must still end the paste.
    private static let rawEnd = Array(endMarker.unicodeScalars)
    private var matchedEnd = 0

    /// A paste whose end marker never came (a terminal that lost it) must not swallow the
    /// keyboard: after this long, the next read ends it.
    public static let patience: Duration = .seconds(2)
    private var openedAt: ContinuousClock.Instant?

    public init() {}

    public var isOpen: Bool { scalars != nil }

    /// Open for longer than `patience` at `now`.
    public func isOverdue(at now: ContinuousClock.Instant) -> Bool {
        guard isOpen, let openedAt else { return false }
        return now - openedAt > Self.patience
    }

    public mutating func begin(at now: ContinuousClock.Instant) {
        openedAt = now
        scalars = String.UnicodeScalarView()
        count = 0
        matchedEnd = 0
    }

    /// Adds a scalar; returns the pasted text when it completed the (raw) end marker.
    public mutating func append(_ scalar: Unicode.Scalar) -> String? {
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
    public mutating func end() -> String? {
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
