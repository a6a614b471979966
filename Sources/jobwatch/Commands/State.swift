import ArgumentParser
import Foundation
import JobEngine
import JobModel
import JobSession

extension JobWatch {
    /// The state database as a file an operator can back up, move and trim.
    struct State: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "state",
            abstract: "The state every jobwatch window shares: where it is, export, import, prune.",
            discussion: """
            One SQLite database under $XDG_STATE_HOME/jobwatch/ (or --state-file) holds the
            dashboards' watch list, the last answer of every job, the event log and names.

            Examples:
              jobwatch state path
              jobwatch state export --json > backup.json
              jobwatch state import backup.json
              jobwatch state prune --older-than 2d
            """,
            subcommands: [Path.self, Export.self, Import.self, Prune.self]
        )
    }
}

/// `--state-file`, as the other commands take it; `--no-state` means nothing here.
struct StateFileOption: ParsableArguments {
    @Option(name: .customLong("state-file"), help: ArgumentHelp("The state database (default: $XDG_STATE_HOME/jobwatch/state.db).", valueName: "file"))
    var stateFile: String?

    var path: String {
        get throws {
            guard let stateFile else { return StateDatabase.defaultPath(environment: ProcessInfo.processInfo.environment) }
            try Session.checkStateFile(stateFile, option: "--state-file")
            return NSString(string: stateFile).expandingTildeInPath
        }
    }

    /// The database, its notices said on stderr; a problem is the command's failure.
    func open() async throws -> StateDatabase {
        let database = StateDatabase(path: try path)
        _ = try await database.load(.jobs([]))
        for notice in await database.notices { CommandFailure.printError(notice) }
        return database
    }
}

extension JobWatch.State {
    struct Path: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print where the state database is (it may not exist yet).")

        @OptionGroup var file: StateFileOption

        func run() async throws {
            do {
                print(try file.path)
            } catch {
                throw CommandFailure.exit(for: error)
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the whole state as one JSON document (the state file's version-2 shape), for scripts and backups."
        )

        @OptionGroup var file: StateFileOption

        @Flag(name: .long, help: "JSON (the only format; say it, scripts read better).")
        var json = false

        func run() async throws {
            do {
                let database = try await file.open()
                let loaded = try await database.load(.all)
                await database.close()
                var data = try StateStore.encode(loaded.file)
                data.append(UInt8(ascii: "\n"))
                FileHandle.standardOutput.write(data)
            } catch {
                throw CommandFailure.exit(for: error)
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge a state file (an export, or an old state.json) into the state: a job known from a later read keeps its answer."
        )

        @OptionGroup var file: StateFileOption

        @Argument(help: ArgumentHelp("The JSON state file to import.", valueName: "file"))
        var source: String

        /// The file to import, or one line saying why it is not one.
        private func exported() throws -> StateFile {
            let store = StateStore(path: NSString(string: source).expandingTildeInPath)
            let result = Result { try store.load() }
            if case .failure(let error) = result, let problem = error as? StateStore.Problem, problem.isUnreadable {
                throw UsageError(source + ": not a jobwatch state file — give one that jobwatch state export --json wrote, or the state.json of an earlier jobwatch")
            }
            guard let file = try result.get() else {
                throw UsageError(source + ": no such file — give the path of a state file (jobwatch state export --json writes one)")
            }
            return file
        }

        func run() async throws {
            do {
                try FileOptionCheck.readable(source, option: "state import")
                let imported = try exported()
                let database = try await file.open()
                let taken = try await database.importState(imported, watched: true)
                await database.close()
                print("\(taken) of \(imported.jobs.count) jobs and \(imported.events.count) events imported into \(database.path)")
            } catch {
                throw CommandFailure.exit(for: error)
            }
        }
    }

    struct Prune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drop finished jobs and events older than a duration, and answers no window watches or wants."
        )

        @OptionGroup var file: StateFileOption

        @Option(name: .customLong("older-than"), help: ArgumentHelp("How old, e.g. 7d, 12h, 30m.", valueName: "duration"))
        var olderThan: String

        func run() async throws {
            do {
                let age = try DurationOption.parse(olderThan, flag: "--older-than")
                let database = try await file.open()
                let dropped = try await database.prune(before: Date().addingTimeInterval(-age.seconds))
                await database.close()
                print("\(dropped.jobs) jobs and \(dropped.events) events older than \(olderThan) dropped from \(database.path)")
            } catch {
                throw CommandFailure.exit(for: error)
            }
        }
    }
}
