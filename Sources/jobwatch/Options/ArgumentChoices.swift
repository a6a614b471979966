import ArgumentParser
import JobModel
import JobSession
import JobEngine

/// `--service NAME`: an unknown name is the parser's one line, with the names it knows.
extension Service {
    static func parsing(_ argument: String) throws -> Service {
        guard let service = Service.named(argument) else { throw Service.UnknownName(name: argument) }
        return service
    }
}

/// `--cloud NAME`, `hcs:DOMAIN` for Huawei Cloud Stack.
extension Cloud {
    static func parsing(_ argument: String) throws -> Cloud {
        let parts = argument.split(separator: ":", maxSplits: 1).map(String.init)
        return try Cloud(name: parts.first ?? "", domain: parts.count > 1 ? parts[1] : nil)
    }
}

/// `--auth KIND`, in any case.
extension JobwatchConfig.AuthKind: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}

/// `--poll-mode MODE`, in any case.
extension PollPolicy.Mode: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}
