import JobModel

/// Failures that share a reason: one line in a ticket, not one per server.
public struct FailureGroup: Sendable, Hashable, Codable {
    /// A sub-job named in a group: its ID and, when the body names its resource, that name.
    public struct Member: Sendable, Hashable, Codable {
        public var id: String
        public var name: String?
    }

    public var reason: String
    public var code: String?
    public var count: Int
    public var subJobs: [Member]

    /// Failed bars grouped by reason and code, the largest group first (ties by reason), each
    /// group's members in the batch's order.
    public static func of(_ bars: [Timeline.Bar]) -> [FailureGroup] {
        var groups: [FailureGroup] = []
        var index: [String: Int] = [:]
        for bar in bars where bar.status == .fail {
            let reason = bar.reason.map(OneLine.of) ?? "no reason given"
            let key = "\(bar.code ?? "")\u{1F}\(reason)"
            let member = Member(id: bar.id, name: bar.isNamed ? bar.label : nil)
            if let at = index[key] {
                groups[at].count += 1
                groups[at].subJobs.append(member)
            } else {
                index[key] = groups.count
                groups.append(FailureGroup(reason: reason, code: bar.code, count: 1, subJobs: [member]))
            }
        }
        return groups.enumerated().sorted { a, b in
            a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
        }.map(\.element)
    }

    /// `3 sub-jobs`.
    public var countText: String {
        "\(count) sub-job\(count == 1 ? "" : "s")"
    }
}
