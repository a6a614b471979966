/// `--interval= ID`: ArgumentParser takes an empty `=` value as none and uses the next
/// argument instead, so the job ID would become the interval. Refused before parsing.
enum EmptyOptionValue {
    /// The first `--name=` with nothing after the `=` (before a `--` that ends the options).
    static func find(in arguments: some Sequence<String>) -> String? {
        for argument in arguments {
            if argument == "--" { return nil }
            if argument.hasPrefix("--"), argument.count > 3, argument.hasSuffix("="), argument.firstIndex(of: "=") == argument.index(before: argument.endIndex) {
                return argument
            }
        }
        return nil
    }
}
