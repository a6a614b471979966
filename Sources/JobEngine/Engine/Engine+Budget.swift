import JobModel
extension Engine {
    /// The budget of one credential at one endpoint, as it stands now.
    func budget(for key: BudgetKey) -> RateBudget {
        budgets[key] ?? newBudget(for: key)
    }

    /// A fresh budget: the lowest `requests_per_minute` of the profiles that share it (the
    /// gateway's quota is the same for all of them), else the engine's.
    func newBudget(for key: BudgetKey) -> RateBudget {
        let stated = profiles.values.filter { $0.budgetKeys.contains(key) }.compactMap(\.requestsPerMinute).min()
        return RateBudget(limitPerMinute: stated ?? settings.requestsPerMinute)
    }
}
