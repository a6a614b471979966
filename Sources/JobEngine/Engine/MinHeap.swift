/// A binary min-heap: the least element in O(1), adding one or taking the least in O(log n).
/// The engine's queues keep superseded entries in it and skip them when they come up
/// (`compact` drops them all when they outnumber the live ones).
struct MinHeap<Element: Comparable & Sendable>: Sendable {
    private(set) var elements: [Element] = []

    var isEmpty: Bool { elements.isEmpty }
    var count: Int { elements.count }
    var min: Element? { elements.first }

    mutating func insert(_ element: Element) {
        elements.append(element)
        var child = elements.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard elements[child] < elements[parent] else { break }
            elements.swapAt(child, parent)
            child = parent
        }
    }

    @discardableResult
    mutating func popMin() -> Element? {
        guard !elements.isEmpty else { return nil }
        elements.swapAt(0, elements.count - 1)
        let least = elements.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < elements.count else { break }
            let right = left + 1
            let child = right < elements.count && elements[right] < elements[left] ? right : left
            guard elements[child] < elements[parent] else { break }
            elements.swapAt(child, parent)
            parent = child
        }
        return least
    }

    /// Visits every element `isWithin` accepts, in no particular order, when it accepts all
    /// elements below any it accepts (an upper bound): a subtree starting above it is skipped.
    func forEach(where isWithin: (Element) -> Bool, _ body: (Element) -> Void) {
        var stack = elements.isEmpty ? [] : [0]
        while let index = stack.popLast() {
            guard isWithin(elements[index]) else { continue }
            body(elements[index])
            if 2 * index + 1 < elements.count { stack.append(2 * index + 1) }
            if 2 * index + 2 < elements.count { stack.append(2 * index + 2) }
        }
    }

    /// Keeps only the elements `isLive` accepts, in O(n).
    mutating func compact(keeping isLive: (Element) -> Bool) {
        let kept = elements.filter(isLive)
        elements = []
        elements.reserveCapacity(kept.count)
        for element in kept { insert(element) }
    }
}
