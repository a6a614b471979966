import Foundation
import JobEngine

/// One scenario's runs over every seed: each figure as the median of the seeds and its spread.
struct ScenarioReport {
    var scenario: BenchScenario
    var fixed: [Outcome] = []
    var engine: [PollPolicy.Mode: [Outcome]] = [:]
    var clairvoyant: [Double] = []
    var durationsOnly: [Double] = []
    var modes: [PollPolicy.Mode] = []
    /// The first seed's slowest changes under `balanced`.
    var slowest: [String] = []

    /// A figure over the seeds.
    struct Spread {
        var median: Double
        var low: Double
        var high: Double

        init(_ values: [Double]) {
            median = Percentile.of(values, 0.5)
            low = values.min() ?? .nan
            high = values.max() ?? .nan
        }

        var json: [String: Double] { ["median": median, "min": low, "max": high] }
        var text: String { low == high ? Text.format(median) : "\(Text.format(median)) (\(Text.format(low))–\(Text.format(high)))" }
    }

    struct Figures {
        var requests: Spread
        var median: Spread
        var p90: Spread
        var slowestFailure: Spread
        var unseen: Spread
        var changes: Spread

        init(_ outcomes: [Outcome]) {
            requests = Spread(outcomes.map { Double($0.requests) })
            median = Spread(outcomes.map(\.median))
            p90 = Spread(outcomes.map(\.p90))
            slowestFailure = Spread(outcomes.map(\.slowestFailure))
            unseen = Spread(outcomes.map { Double($0.unseen) })
            changes = Spread(outcomes.map { Double($0.changes) })
        }

        var json: [String: Any] {
            ["requests": requests.json, "median_delay_s": median.json, "p90_delay_s": p90.json,
             "slowest_failure_s": slowestFailure.json, "unseen": unseen.json, "changes": changes.json]
        }
    }

    /// Against the fixed poller (the medians of the seeds): the goals of #31.
    struct Verdict {
        var ratio: Double
        /// How far from the fixed poller's requests towards the clairvoyant's (0 … 1); nil
        /// when the clairvoyant needs more than the fixed poller (a change every few seconds:
        /// one answer of the fixed poller shows several, late).
        var wayToLimit: Double?
        var promptEnough: Bool
        var failuresInTime: Bool
        var met: Bool { ratio <= 0.30 && promptEnough && failuresInTime }
    }

    func verdict(_ mode: PollPolicy.Mode) -> Verdict? {
        guard let outcomes = engine[mode] else { return nil }
        let ours = Figures(outcomes), theirs = Figures(fixed)
        let limit = Spread(clairvoyant).median
        let ratio = ours.requests.median / max(1, theirs.requests.median)
        return Verdict(
            ratio: ratio,
            wayToLimit: limit < theirs.requests.median ? (theirs.requests.median - ours.requests.median) / (theirs.requests.median - limit) : nil,
            promptEnough: ours.median.median <= theirs.median.median && ours.p90.median <= theirs.p90.median,
            failuresInTime: ours.slowestFailure.median <= 10)
    }

    var json: [String: Any] {
        var engines: [String: Any] = [:]
        for mode in modes {
            guard let outcomes = engine[mode], let verdict = verdict(mode) else { continue }
            var figures = Figures(outcomes).json
            figures["requests_ratio"] = verdict.ratio
            figures["way_to_limit"] = verdict.wayToLimit ?? NSNull()
            figures["goals_met"] = [
                "requests <= 30% of fixed": verdict.ratio <= 0.30,
                "median and p90 <= fixed": verdict.promptEnough,
                "every failure within 10 s": verdict.failuresInTime,
            ]
            engines[mode.rawValue] = figures
        }
        return [
            "name": scenario.name, "summary": scenario.summary, "horizon_s": scenario.horizon, "step_s": scenario.step,
            "fixed": Figures(fixed).json, "engine": engines,
            "clairvoyant_requests": Spread(clairvoyant).json, "durations_only_requests": Spread(durationsOnly).json,
        ]
    }

    func printText(worst: Int) {
        let fixedFigures = Figures(fixed)
        print("\(scenario.name): \(scenario.summary); \(fixed.count) seeds, median (min–max); \(fixedFigures.changes.text) changes")
        print(Text.pad("poller", 34) + Text.pad("requests", 20) + Text.pad("median delay", 20) + Text.pad("p90 delay", 20) + "slowest failure")
        func row(_ name: String, _ f: Figures) {
            print(Text.pad(name, 34) + Text.pad(f.requests.text, 20) + Text.pad(f.median.text + " s", 20) + Text.pad(f.p90.text + " s", 20) + f.slowestFailure.text + " s")
        }
        row("fixed 10 s poller", fixedFigures)
        print(Text.pad("clairvoyant (the limit)", 34) + Text.pad(Spread(clairvoyant).text, 20) + "0 (every change at once)")
        print(Text.pad("knows durations only (estimate)", 34) + Text.pad(Spread(durationsOnly).text, 20) + "p90 ≤ the fixed poller's")
        for mode in modes {
            guard let outcomes = engine[mode], let verdict = verdict(mode) else { continue }
            row("engine, \(mode)", Figures(outcomes))
            let way = verdict.wayToLimit.map { "\(Text.format($0 * 100)) % of the way to the limit" } ?? "the limit needs more requests than the fixed poller"
            print("  \(Text.format(verdict.ratio * 100)) % of the fixed poller's requests, \(way); "
                  + "median/p90 ≤ fixed: \(verdict.promptEnough ? "yes" : "no"); every failure ≤ 10 s: \(verdict.failuresInTime ? "yes" : "no")"
                  + (mode == .balanced && scenario.name == "rollout" ? " — goal \(verdict.met ? "met" : "NOT met")" : ""))
        }
        if worst > 0 {
            print("slowest changes to show (balanced, first seed):")
            for line in slowest.prefix(worst) { print("  " + line) }
            if let first = fixed.first, let ours = engine[.balanced]?.first, first.byJob.count <= 50 {
                print("requests per job, first seed (fixed / balanced):")
                for (index, job) in first.byJob.enumerated() { print("  " + Text.pad(job.type, 30) + "\(job.requests) / \(ours.byJob[index].requests)") }
            }
        }
        print()
    }
}
