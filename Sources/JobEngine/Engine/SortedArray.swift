import Algorithms

/// An ascending array kept sorted as values come and go: each change finds its place by
/// binary search (swift-algorithms' `partitioningIndex`), not by sorting again.
extension Array where Element: Comparable {
    /// Where `value` goes: before any equal one.
    func insertionIndex(of value: Element) -> Int {
        partitioningIndex { $0 >= value }
    }

    /// Inserts `value` beside any equal one (a multiset: durations).
    mutating func insertSorted(_ value: Element) {
        insert(value, at: insertionIndex(of: value))
    }

    /// Inserts `value` unless it is there (a set: indices).
    mutating func insertSortedOnce(_ value: Element) {
        let index = insertionIndex(of: value)
        if index == count || self[index] != value { insert(value, at: index) }
    }

    /// Removes one `value`, if there.
    mutating func removeSorted(_ value: Element) {
        let index = insertionIndex(of: value)
        if index < count, self[index] == value { remove(at: index) }
    }
}
