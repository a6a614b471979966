import ArgumentParser
import Foundation
import JobEngine
import JobSession
import Logging

/// Where the state database is, for every command that reads jobs.
struct StateOptions: ParsableArguments {
    @Option(name: .customLong("state-file"), help: ArgumentHelp("The state database: the watch list, last answers and event log every jobwatch window shares (an old JSON state file given here is imported).", valueName: "file"))
    var stateFile: String?

    @Flag(name: .customLong("no-state"), help: "Neither read nor write the state: this run shares nothing and keeps nothing.")
    var noState = false

    /// The database's path; `nil`: none (`--no-state`, or the demo without `--state-file`:
    /// its simulator starts afresh each time).
    func path(demo: Bool, environment: [String: String]) throws -> String? {
        if noState || (demo && stateFile == nil) { return nil }
        guard let stateFile else { return StateDatabase.defaultPath(environment: environment) }
        try Session.checkStateFile(stateFile, option: "--state-file")
        return NSString(string: stateFile).expandingTildeInPath
    }

    /// Opens it, saying on stderr (and in the log) what was done to it and, with
    /// `sayingProblem`, what is wrong (a stream, `wait` and the dashboard say that from the
    /// engine's snapshot, once, and again when it is fixed).
    func open(session: Session, role: StateRole, environment: [String: String], sayingProblem: Bool) async throws -> OpenedState? {
        guard let path = try path(demo: session.demo != nil, environment: environment) else { return nil }
        let opened = await OpenedState.open(path: path, role: role)
        for line in opened.notices + (sayingProblem ? [opened.problem].compactMap({ $0 }) : []) {
            CommandFailure.printError(line)
            session.logger.warning(Logger.Message(stringLiteral: line))
        }
        return opened
    }
}
