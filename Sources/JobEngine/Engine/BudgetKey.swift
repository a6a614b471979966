/// One credential at one endpoint: what a request budget, a throttle and a stop apply to.
struct BudgetKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `Credential.budgetIdentity`: never a secret.
    var credential: String
    var endpoint: String

    static func < (a: BudgetKey, b: BudgetKey) -> Bool { (a.credential, a.endpoint) < (b.credential, b.endpoint) }

    var description: String { "\(credential) at \(endpoint)" }
}
