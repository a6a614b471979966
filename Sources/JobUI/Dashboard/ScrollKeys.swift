/// The keys that scroll a full-screen view (the event log, the timeline): one step, a page,
/// either end. The views differ only in what they show and how they are left.
enum ScrollKeys {
    /// The offset after `key`, within `0...last`; `nil` when the key does not scroll.
    static func offset(after key: Key, from offset: Int, page: Int, last: Int) -> Int? {
        let moved: Int
        switch key {
        case .up, .character("k"): moved = offset - 1
        case .down, .character("j"): moved = offset + 1
        case .pageUp: moved = offset - page
        case .pageDown: moved = offset + page
        case .home, .character("g"): moved = 0
        case .end, .character("G"): moved = last
        default: return nil
        }
        return max(0, min(moved, last))
    }
}
