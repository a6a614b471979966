import JobModel
/// The `--fault` flag: `KIND[:every=N|:p=P|:always]`, e.g. `503:every=10`, `drop:p=0.05`,
/// `slow=3s:every=4`, `429=30:every=20` (Retry-After 30 s). Without a trigger: every 5th request.
extension FaultPlan.Rule {
    /// Kinds the flag accepts, for help texts.
    public static let flagSyntax = "KIND[:every=N|:p=P|:always] with KIND one of 429[=RETRY_SECONDS], 502, 503, slow=DURATION, drop, html, truncated, huge, lookup403"

    public struct Problem: UsageProblem, Sendable, Hashable {
        public var description: String
    }

    public init(parsing text: String) throws(Problem) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard let kindText = parts.first, !kindText.isEmpty else {
            throw Problem(description: "fault \(text.debugDescription) is empty — use \(Self.flagSyntax)")
        }
        self.init(try Self.fault(kindText, whole: text), try Self.trigger(parts.count > 1 ? parts[1] : nil, whole: text))
    }

    private static func fault(_ text: String, whole: String) throws(Problem) -> FaultPlan.Fault {
        let pieces = text.split(separator: "=", maxSplits: 1).map(String.init)
        let name = pieces[0].lowercased()
        let argument = pieces.count > 1 ? pieces[1] : nil
        switch name {
        case "429", "throttle":
            guard let seconds = Int(argument ?? "2"), seconds >= 0 else { break }
            return .throttle(retryAfter: seconds)
        case "502", "503", "500", "504":
            guard argument == nil else { break }
            return .serverError(status: Int(name)!)
        case "slow":
            guard let argument, let duration = parseDuration(argument) else { break }
            return .slow(duration)
        case "drop":
            guard argument == nil else { break }
            return .drop
        case "html":
            guard argument == nil else { break }
            return .html
        case "truncated":
            guard argument == nil else { break }
            return .truncated
        case "huge":
            guard argument == nil else { break }
            return .huge
        case "lookup403":
            guard argument == nil else { break }
            return .lookupForbidden
        default:
            break
        }
        throw Problem(description: "fault \(whole.debugDescription) is not understood — use \(flagSyntax)")
    }

    private static func trigger(_ text: String?, whole: String) throws(Problem) -> FaultPlan.Trigger {
        guard let text else { return .every(5) }
        if text == "always" { return .always }
        if text.hasPrefix("every="), let n = Int(text.dropFirst(6)), n > 0 { return .every(n) }
        if text.hasPrefix("p="), let p = Double(text.dropFirst(2)), p >= 0, p <= 1 { return .probability(p) }
        throw Problem(description: "fault \(whole.debugDescription) has trigger \(text.debugDescription) — use every=N (N ≥ 1), p=P (0…1) or always")
    }

    /// `250ms`, `3s`, `2m`.
    static func parseDuration(_ text: String) -> Duration? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            // At most a day: a larger value would trap converting to whole milliseconds.
            guard let value = Double(text.dropLast(suffix.count)), value >= 0, value * scale <= 86_400 else { return nil }
            return .milliseconds(Int64((value * scale * 1000).rounded()))
        }
        return nil
    }
}
