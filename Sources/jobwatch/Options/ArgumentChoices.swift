import ArgumentParser
import JobModel
import JobEngine

/// `--service NAME`: parsed by ArgumentParser, which lists the names when one is unknown.
extension Service: ExpressibleByArgument {
    public init?(argument: String) {
        guard let service = Service.named(argument) else { return nil }
        self = service
    }

    public static var allValueStrings: [String] { Service.all.map(\.name) }
}

/// `--auth KIND`, in any case.
extension JobwatchConfig.AuthKind: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}
