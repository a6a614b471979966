import JobAPI

/// How a group's due names are asked: in batches of what one request of the API holds. BMS has
/// no ID filter, only its paged list: names asked for the first time, `listThreshold` or more
/// together, are looked for in its first page (1000 servers); the rest — a few, or ones the
/// page did not have (a retry: a server still being created, or past the first page) — one
/// GET each.
enum LookupBatches {
    /// From this many BMS servers, one list request beats one GET each.
    static let listThreshold = 3

    /// - Parameter firstAsked: whether each key has never been asked before.
    static func batches(_ api: LookupAPI, _ keys: [ResourceKey], firstAsked: (ResourceKey) -> Bool) -> [[ResourceKey]] {
        guard api == .bmsServer else { return chunks(keys, of: api.batchLimit) }
        let fresh = keys.filter(firstAsked)
        guard fresh.count >= listThreshold else { return keys.map { [$0] } }
        let listed = Set(fresh)
        return chunks(fresh, of: api.batchLimit) + keys.filter { !listed.contains($0) }.map { [$0] }
    }

    private static func chunks(_ keys: [ResourceKey], of size: Int) -> [[ResourceKey]] {
        stride(from: 0, to: keys.count, by: size).map { Array(keys[$0..<min(keys.count, $0 + size)]) }
    }
}
