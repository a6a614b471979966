import JobAPI

/// One page of an unfiltered list, as ECS and EVS read `limit`, `offset` and `marker`
/// (SERVICES.md §8): ECS counts `offset` in pages from 1, EVS in items; both start after
/// `marker` (an ID of the list) when it is given.
struct ListPage: Sendable, Hashable {
    enum Offset: Sendable, Hashable {
        /// ECS: page number; 0 and 1 are both the first page.
        case pages
        /// EVS: items skipped.
        case items
    }

    var limit: Int
    var offset: Int
    var marker: String?
    var offsetKind: Offset

    /// Read from a request's query; a missing or unreadable `limit` is the default and one
    /// over 1,000 is held to 1,000 (both APIs' maximum).
    init(_ query: [SigningRequest.QueryItem], defaultLimit: Int, offset offsetKind: Offset) {
        func number(_ name: String) -> Int? { query.last { $0.name == name }.flatMap { Int($0.value) } }
        limit = min(max(number("limit") ?? defaultLimit, 1), 1000)
        offset = max(number("offset") ?? 0, 0)
        marker = query.last { $0.name == "marker" }?.value
        self.offsetKind = offsetKind
    }

    /// The IDs of this page, out of `all` in the list's order.
    func slice(_ all: [String]) -> ArraySlice<String> {
        var rest = all[...]
        if let marker, let at = rest.firstIndex(of: marker) { rest = rest[(at + 1)...] }
        let skip = offsetKind == .pages ? max(offset - 1, 0) * limit : offset
        return rest.dropFirst(skip).prefix(limit)
    }
}
