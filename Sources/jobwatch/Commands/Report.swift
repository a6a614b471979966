import ArgumentParser
import Foundation
import JobModel
import JobSession
import JobUI

extension JobWatch {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read each job once and print a rollout report for a change or incident ticket.",
            discussion: """
            Reads the jobs exactly like get (same inputs, options and exit codes) and prints
            Markdown: the verdict and the profile, endpoint and project it covers, a line per
            job, failures grouped by reason, duration percentiles, the slowest sub-jobs and a
            Mermaid gantt timeline (large batches summarised). --json prints the same summary
            as one JSON document; --html FILE also writes a self-contained page with the same
            facts, a summary at the top and an SVG timeline per batch with a colour legend
            (inline CSS and SVG, no scripts or external assets).

            Examples:
              jobwatch report --demo
              jobwatch report --demo --html rollout.html > rollout.md
              jobwatch report --region cn-north-4 --project-id 0a1b… 2c9eb2c5544cbf6101544f0602af2b4f --json
            """
        )

        @OptionGroup var common: CommonOptions

        @Flag(name: .long, help: "Print the summary as one JSON document instead of Markdown.")
        var json = false

        @Option(name: .long, help: ArgumentHelp("Also write the report as one self-contained HTML page to this file.", valueName: "file"))
        var html: String?

        @OptionGroup var reading: OneReadOptions

        @OptionGroup var state: StateOptions

        func run() async throws {
            do {
                let result = try await Get.read(common: common, reading: reading, state: state)
                let zone = reading.zone
                let report = RolloutReport(result.states, now: Date(), zone: zone)
                if let html {
                    do {
                        try Data(HTMLReport.page(report).utf8).write(to: URL(fileURLWithPath: html))
                    } catch {
                        throw UsageError("cannot write --html \(html): \(error.localizedDescription) — give a file in a directory that exists and can be written")
                    }
                }
                if json {
                    // JSON escapes control characters itself.
                    StandardStreams.out(report.json() + "\n")
                } else {
                    for line in MarkdownReport.lines(report) { PlainOutput.line(line) }
                }
                Get.reportProblems(result)
                throw ExitCode(ExitStatus.of(result.states).rawValue)
            } catch {
                throw CommandFailure.exit(for: error)
            }
        }
    }
}
