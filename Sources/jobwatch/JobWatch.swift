import ArgumentParser
import Foundation
import JobModel
import JobSession

@main
struct JobWatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobwatch",
        abstract: "Watch Huawei Cloud asynchronous jobs: servers, volumes, images, EIPs, clusters, databases, caches, load balancers, file systems, backups, message queues.",
        version: JobwatchVersion.current,
        subcommands: [Watch.self, Get.self, Wait.self, Report.self, State.self, Doctor.self, Simulator.self],
        defaultSubcommand: Watch.self
    )

    /// As `AsyncParsableCommand.main()`, except that a command line the parser refuses (unknown
    /// flag, missing value) is one `jobwatch: <what> — <how to fix>` line (README, "Commands"), not the
    /// parser's message followed by the usage text.
    static func main() async {
        MallocSettings.apply()
        if let empty = EmptyOptionValue.find(in: CommandLine.arguments.dropFirst()) {
            CommandFailure.printError("\(empty) has an empty value — give one after the = (\(empty)VALUE), or leave the option out")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard !(error is ExitCode), exitCode(for: error) == .validationFailure else { exit(withError: error) }
            let message = message(for: error)
            let what = message.prefix(1).lowercased() + message.dropFirst()
            // One ` — ` a line: a message that says how to fix it needs no pointer to the help.
            CommandFailure.printError(UsageError(what, hint: "see 'jobwatch \(subcommandName.map { "\($0) " } ?? "")--help'").description)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
    }

    /// The subcommand named on the command line, for the hint.
    private static var subcommandName: String? {
        let names = ["watch", "get", "wait", "report", "doctor", "simulator"]
        return CommandLine.arguments.dropFirst().first { names.contains($0) }
    }
}
