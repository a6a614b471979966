import JobModel

/// How many jobs share each budget's requests (`Engine.pollBase`): the poll weights of the
/// jobs still asked, summed per budget and kept as jobs change instead of summed per answer.
/// After as many changes as there are jobs the sums are made afresh, so rounding never builds up.
struct PollDemand: Sendable {
    struct Share: Sendable, Equatable {
        var budget: BudgetKey
        var weight: Double
    }

    private(set) var byBudget: [BudgetKey: Double] = [:]
    private var shares: [JobKey: Share] = [:]
    private var changes = 0

    /// A job's share now; `nil`: it takes none (finished, not asked, gone).
    mutating func set(_ key: JobKey, _ share: Share?) {
        let old = shares[key]
        guard old != share else { return }
        if let old { byBudget[old.budget, default: 0] -= old.weight }
        if let share { byBudget[share.budget, default: 0] += share.weight }
        shares[key] = share
        changes += 1
        if changes > max(64, shares.count) { resum() }
    }

    mutating func removeAll() {
        byBudget = [:]
        shares = [:]
        changes = 0
    }

    private mutating func resum() {
        var sums: [BudgetKey: Double] = [:]
        for share in shares.values { sums[share.budget, default: 0] += share.weight }
        byBudget = sums
        changes = 0
    }
}
