import ArgumentParser
import Foundation

/// What `get` and `report` share: they read each job once, within `--timeout`, and show times
/// in the local zone or UTC.
struct OneReadOptions: ParsableArguments {
    @Flag(name: .long, help: "Show times in UTC instead of local time.")
    var utc = false

    @Option(name: .long, help: ArgumentHelp("Give up waiting for answers after this long (retries of 429/5xx included).", valueName: "duration"))
    var timeout: String = "10s"

    @Argument(help: ArgumentHelp("Job IDs; - reads them from standard input.", valueName: "job-id"))
    var jobIDs: [String] = []

    var zone: TimeZone { utc ? TimeZone(identifier: "UTC")! : TimeZone.current }
}
