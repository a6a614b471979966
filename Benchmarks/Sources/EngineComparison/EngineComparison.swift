import Foundation
import JobModel
import JobAPI
import JobEngine
import JobSimulator

/// The engine against a fixed 10-second poller, on virtual time, each scenario with several
/// seeds (the jobs' IDs and durations drawn anew), beside two anchors computed from the
/// scenario's plan: a clairvoyant poller (the physical limit) and the estimated reach of a
/// poller that knows only durations.
///
/// For every status change the scenario's plan makes (a job or sub-job leaving INIT, or
/// ending), the delay until the poller's view shows it; and the requests each poller sent.
/// Goal (#31, `balanced` on `rollout`, median of the seeds): at most 30 % of the fixed poller's
/// requests, median and p90 delay at most the fixed poller's, every failure seen within 10 s.
///
///     EngineComparison [--scenarios rollout,warm,bigbatch,day,storm] [--modes frugal,balanced,prompt]
///                      [--seeds N] [--horizon S] [--worst N] [--json] [--changes]
///
/// `--modes` applies to `rollout` and `warm`; the other scenarios run `balanced`.
@main
struct EngineComparison {
    static func main() async throws {
        let arguments = Arguments(CommandLine.arguments.dropFirst())
        let seeds = max(1, Int(arguments.double("--seeds") ?? 5))
        var scenarios: [BenchScenario] = []
        for name in (arguments.text("--scenarios") ?? "rollout,warm,bigbatch,day,storm").split(separator: ",") {
            guard let scenario = BenchScenario.named(String(name)) else {
                fail("--scenarios: \(name) is not one — give \(BenchScenario.all.map(\.name).joined(separator: ", "))")
            }
            scenarios.append(scenario)
        }
        var modes: [PollPolicy.Mode] = []
        for name in (arguments.text("--modes") ?? "frugal,balanced,prompt").split(separator: ",") {
            guard let mode = PollPolicy.Mode(rawValue: String(name)) else {
                fail("--modes: \(name) is not one — give \(PollPolicy.Mode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            modes.append(mode)
        }
        if let horizon = arguments.double("--horizon") {
            scenarios = scenarios.map { var s = $0; s.horizon = horizon; return s }
        }
        if arguments.flag("--changes") {
            try await printChanges(scenarios.first ?? BenchScenario.all[0])
            return
        }

        var reports: [ScenarioReport] = []
        for scenario in scenarios {
            let runModes = scenario.name == "rollout" || scenario.name == "warm" ? modes : [.balanced]
            var report = ScenarioReport(scenario: scenario)
            for seed in 0..<seeds {
                let seedValue: UInt64? = seed == 0 ? nil : UInt64(seed)
                let fixed = try await Runs.fixed(scenario, seed: seedValue)
                report.fixed.append(fixed.outcome)
                report.clairvoyant.append(Double(fixed.anchors.clairvoyant))
                report.durationsOnly.append(Double(fixed.anchors.durationsOnly))
                for mode in runModes {
                    let outcome = try await Runs.engine(scenario, seed: seedValue, mode: mode)
                    report.engine[mode, default: []].append(outcome)
                    if seed == 0, mode == .balanced { report.slowest = outcome.slowest }
                }
                FileHandle.standardError.write(Data("EngineComparison: \(scenario.name) seed \(seed + 1)/\(seeds) done\n".utf8))
            }
            report.modes = runModes
            reports.append(report)
        }

        if arguments.flag("--json") {
            let data = try JSONSerialization.data(withJSONObject: ["seeds": seeds, "scenarios": reports.map(\.json)], options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        for report in reports {
            report.printText(worst: Int(arguments.double("--worst") ?? 0))
        }
    }

    static func printChanges(_ scenario: BenchScenario) async throws {
        let rig = try await VirtualRig.make(scenario: scenario.simulator, seed: nil)
        let types = Dictionary(rig.simulator.topLevelJobs.map { ($0.id, $0.type) }, uniquingKeysWith: { a, _ in a })
        for change in rig.simulator.scenario.scheduledChanges {
            print([Text.format(change.at), types[change.jobID] ?? "?", change.jobID.prefix(8) + (change.subJobID.map { "/" + $0.prefix(8) } ?? ""), change.status].joined(separator: "\t"))
        }
        await rig.shutdown()
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("EngineComparison: \(message)\n".utf8))
        exit(64)
    }
}

/// `--name value` and `--flag` arguments; anything else is refused.
struct Arguments {
    private var values: [String: String] = [:]
    private var flags: Set<String> = []
    static let flagNames: Set<String> = ["--json", "--help", "--changes"]

    init(_ list: some Sequence<String>) {
        var pending: String?
        for item in list {
            if let name = pending {
                values[name] = item
                pending = nil
            } else if Self.flagNames.contains(item) {
                flags.insert(item)
            } else if item.hasPrefix("--") {
                pending = item
            } else {
                EngineComparison.fail("unexpected argument \(item)")
            }
        }
        if flags.contains("--help") {
            print("EngineComparison [--scenarios rollout,warm,bigbatch,day,storm] [--modes frugal,balanced,prompt] [--seeds N] [--horizon S] [--worst N] [--json] [--changes]")
            exit(0)
        }
    }

    func double(_ name: String) -> Double? { values[name].flatMap(Double.init) }
    func text(_ name: String) -> String? { values[name] }
    func flag(_ name: String) -> Bool { flags.contains(name) }
}
