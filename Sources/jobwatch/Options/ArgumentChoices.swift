import ArgumentParser
import JobModel
import JobSession

/// `--service NAME`: an unknown name is the parser's one line, with the names it knows.
extension Service {
    static func parsing(_ argument: String) throws -> Service {
        guard let service = Service.named(argument) else { throw Service.UnknownName(name: argument) }
        return service
    }
}

/// `--auth KIND`, in any case.
extension JobwatchConfig.AuthKind: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}
