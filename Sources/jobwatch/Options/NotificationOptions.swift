import JobModel
import ArgumentParser

/// `--on-done` / `--on-fail`, shared by `wait` and the dashboard.
struct NotificationOptions: ParsableArguments {
    @Option(name: .customLong("on-done"), help: ArgumentHelp("Run this shell command when a job finishes (job data in JOBWATCH_* variables).", valueName: "command"))
    var onDone: String?

    @Option(name: .customLong("on-fail"), help: ArgumentHelp("Run this shell command when a job or sub-job fails.", valueName: "command"))
    var onFail: String?
}
