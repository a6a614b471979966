/// A short name for the host a budget is spent at, for a header with several budgets
/// (`rds` for `rds.cn-north-4.myhuaweicloud.com:443`; the path's last part on a loopback
/// address with a prefix per service, as the demo has: `127.0.0.1:8080/rds` is `rds`; a bare
/// address is `budget`).
enum BudgetLabel {
    static func of(endpoint identity: String) -> String {
        let slash = identity.firstIndex(of: "/")
        let authority = slash.map { String(identity[..<$0]) } ?? identity
        let path = slash.map { String(identity[$0...]) } ?? ""
        let host = authority.hasPrefix("[") ? String(authority.prefix { $0 != "]" }.dropFirst()) : String(authority.prefix { $0 != ":" })
        let isAddress = host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." } || host == "localhost"
        if isAddress, let last = path.split(separator: "/").last { return String(last) }
        if !isAddress, let first = host.split(separator: ".").first { return String(first) }
        // A bare address (the demo's simulator, a test's) names nothing: it is "the" budget.
        return "budget"
    }
}
