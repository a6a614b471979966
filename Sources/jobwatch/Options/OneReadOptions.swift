import ArgumentParser
import Foundation

/// What `get` and `report` share: they read each job once, within `--timeout`, and show times
/// in the local zone or UTC.
struct OneReadOptions: ParsableArguments {
    @Flag(name: .long, help: "Show times in UTC instead of local time.")
    var utc = false

    @Option(name: .long, help: ArgumentHelp("Give up waiting for answers after this long (retries of 429/5xx included).", valueName: "duration"))
    var timeout: String = "10s"

    @Option(name: .long, help: ArgumentHelp("When the jobs are read, wait for server and volume names: grace (at most 2s more) or wait (up to --timeout).", valueName: "grace|wait"))
    var names: NamesWait = .grace

    @Argument(help: ArgumentHelp("Job IDs; - reads them from standard input.", valueName: "job-id"))
    var jobIDs: [String] = []

    enum NamesWait: String, ExpressibleByArgument, CaseIterable {
        case grace, wait
    }

    var zone: TimeZone { utc ? TimeZone(identifier: "UTC")! : TimeZone.current }
}
