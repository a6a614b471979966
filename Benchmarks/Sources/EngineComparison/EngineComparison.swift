import Foundation
import JobModel
import JobAPI
import JobEngine
import JobSimulator

/// The engine against a fixed 10-second poller on the `rollout` scenario, on virtual time.
///
/// For every status change the scenario's plan makes (a job or sub-job leaving INIT, or
/// ending), the delay until the poller's view shows it; and the requests each poller sent.
/// Target: at most a fifth of the fixed poller's requests at an equal or better median and
/// p90 delay, and every failure (quota errors come within seconds) seen within a minute.
///
///     EngineComparison [--horizon SECONDS] [--step SECONDS] [--interval SECONDS] [--budget PER_MINUTE] [--only SERVICE] [--worst N] [--tsv]
///
/// `--interval` and `--budget` change the engine's settings from their defaults (10 s, 30/min);
/// rows run that way are labelled so.
@main
struct EngineComparison {
    struct Outcome {
        var name: String
        var requests: Int
        var jobs: Int
        var delays: [Double]
        var changes: Int
        var unseen: Int
        /// How long each failure took to show: the safety rule says within a minute.
        var failureDelays: [Double] = []
        /// The slowest changes to show, slowest first, as text (`--worst N`).
        var slowest: [String] = []
        var worstFailure: Double { failureDelays.max() ?? .nan }
        /// Requests per top-level job, with its type, in the scenario's order.
        var byJob: [(type: String, requests: Int)] = []

        var perJob: Double { Double(requests) / Double(max(1, jobs)) }
        var median: Double { Self.percentile(delays, 0.5) }
        var p90: Double { Self.percentile(delays, 0.9) }

        static func percentile(_ values: [Double], _ p: Double) -> Double {
            guard !values.isEmpty else { return .nan }
            let sorted = values.sorted()
            let rank = p * Double(sorted.count - 1)
            let low = Int(rank.rounded(.down)), high = Int(rank.rounded(.up))
            return sorted[low] + (sorted[high] - sorted[low]) * (rank - Double(low))
        }
    }

    static func main() async throws {
        let arguments = Arguments(CommandLine.arguments.dropFirst())
        let horizon = arguments.double("--horizon") ?? 1200
        let step = Duration.seconds(arguments.double("--step") ?? 0.25)
        var settings = EngineSettings()
        settings.randomSeed = 7
        var label = "engine (defaults: 10 s, 30/min)"
        if let interval = arguments.double("--interval") { settings.interval = .seconds(interval) }
        if let budget = arguments.double("--budget") { settings.requestsPerMinute = budget }
        if arguments.double("--interval") != nil || arguments.double("--budget") != nil {
            label = "engine (\(Int(settings.interval.seconds)) s, \(Int(settings.requestsPerMinute))/min)"
        }

        // `--only bms`: the rollout's jobs of one service (the first rollout had only BMS's six).
        var only: Service?
        if let name = arguments.text("--only") {
            guard let service = Service.named(name) else {
                FileHandle.standardError.write(Data("EngineComparison: --only \(name) is not a service — give bms, ecs, evs, ims, vpc or cce\n".utf8))
                exit(64)
            }
            only = service
        }
        let fixed = try await runFixed(horizon: horizon, step: step, only: only)
        let engine = try await runEngine(settings: settings, label: label, horizon: horizon, step: step, only: only)
        let rows = [fixed, engine]

        if arguments.flag("--tsv") {
            for row in rows {
                print([row.name, "\(row.requests)", format(row.perJob), format(row.median), format(row.p90), "\(row.changes - row.unseen)/\(row.changes)", format(row.worstFailure)].joined(separator: "\t"))
            }
            return
        }
        print("rollout scenario, \(Int(horizon)) scenario seconds on a virtual clock (observed every \(format(step.seconds)) s); \(fixed.jobs) jobs, \(fixed.changes) status changes")
        print(pad("poller", 38) + pad("requests", 10) + pad("req/job", 9) + pad("median delay", 14) + pad("p90 delay", 11) + pad("changes seen", 14) + "slowest failure")
        for row in rows {
            print(pad(row.name, 38) + pad("\(row.requests)", 10) + pad(format(row.perJob), 9) + pad(format(row.median) + " s", 14) + pad(format(row.p90) + " s", 11) + pad("\(row.changes - row.unseen)/\(row.changes)", 14) + format(row.worstFailure) + " s")
        }
        if let worst = arguments.double("--worst") {
            print("slowest changes to show (engine):")
            for line in engine.slowest.prefix(Int(worst)) { print("  " + line) }
        }
        print("requests per job (fixed / engine):")
        for (index, job) in fixed.byJob.enumerated() where job.requests + engine.byJob[index].requests > 0 {
            print("  " + pad(job.type, 30) + "\(job.requests) / \(engine.byJob[index].requests)")
        }
        let ratio = Double(engine.requests) / Double(max(1, fixed.requests))
        let meets = ratio <= 0.2 && engine.median <= fixed.median && engine.p90 <= fixed.p90 && engine.worstFailure <= 60
        print("engine/fixed requests: \(format(ratio * 100))% (target ≤ 20%), median delay \(format(engine.median)) s vs \(format(fixed.median)) s, p90 \(format(engine.p90)) s vs \(format(fixed.p90)) s, every failure seen within \(format(engine.worstFailure)) s (≤ 60 s): target \(meets ? "met" : "NOT met")")
    }

    // MARK: - The two pollers

    static func runFixed(horizon: Double, step: Duration, only: Service?) async throws -> Outcome {
        let rig = try await VirtualRig.make(scenario: .rollout)
        let jobs = rig.simulator.topLevelJobs.filter { only == nil || $0.service == only }
        let ids = jobs.map(\.id)
        var ledger = ChangeLedger(changes: rig.simulator.scenario.scheduledChanges.filter { ids.contains($0.jobID) }, horizon: horizon)
        let poller = FixedPoller(jobs: jobs, interval: .seconds(10), rig: rig)
        let task = Task { await poller.run() }
        await rig.settle { await poller.inFlight }
        while rig.now < horizon {
            ledger.observe(await poller.latest, at: rig.now)
            await rig.advance(by: step) { await poller.inFlight }
        }
        ledger.observe(await poller.latest, at: rig.now)
        task.cancel()
        await rig.testClock.advance(by: .seconds(10))
        await task.value
        let requests = await rig.simulator.totalRequests()
        let byJob = await rig.requestsByJob()
        await rig.shutdown()
        return Outcome(name: "fixed 10 s poller (watch/Terraform)", requests: requests, jobs: ids.count,
                       delays: ledger.delays, changes: ledger.tracked.count, unseen: ledger.unseen,
                       failureDelays: ledger.failureDelays(horizon: horizon), byJob: byJob)
    }

    static func runEngine(settings: EngineSettings, label: String, horizon: Double, step: Duration, only: Service?) async throws -> Outcome {
        let rig = try await VirtualRig.make(scenario: .rollout)
        let jobs = rig.simulator.topLevelJobs.filter { only == nil || $0.service == only }
        let ids = jobs.map(\.id)
        var ledger = ChangeLedger(changes: rig.simulator.scenario.scheduledChanges.filter { ids.contains($0.jobID) }, horizon: horizon)
        let engine = Engine(profiles: [rig.profile], client: rig.client, settings: settings, clock: rig.clock)
        let runner = Task { await engine.run() }
        try await engine.add(jobs.map { WatchEntry(profile: rig.profile.name, jobID: $0.id, service: $0.service) })
        func view() async -> [String: Job] {
            var jobs: [String: Job] = [:]
            for state in await engine.currentSnapshot().jobs { jobs[state.key.jobID] = state.job }
            return jobs
        }
        await rig.settle { await engine.currentSnapshot().jobs.count(where: \.requestInFlight) }
        while rig.now < horizon {
            ledger.observe(await view(), at: rig.now)
            await rig.advance(by: step) { await engine.currentSnapshot().jobs.count(where: \.requestInFlight) }
        }
        ledger.observe(await view(), at: rig.now)
        runner.cancel()
        await runner.value
        let requests = await rig.simulator.totalRequests()
        let byJob = await rig.requestsByJob()
        await rig.shutdown()
        let types = Dictionary(rig.simulator.topLevelJobs.map { ($0.id, $0.type) }, uniquingKeysWith: { a, _ in a })
        let slowest = ledger.tracked.sorted { ($0.seenAt ?? .infinity) - $0.change.at > ($1.seenAt ?? .infinity) - $1.change.at }.map { t in
            "\(types[t.change.jobID] ?? "?")\(t.change.subJobID == nil ? "" : " sub-job") → \(t.change.status) at \(format(t.change.at)) s, seen \(t.seenAt.map { format($0 - t.change.at) + " s later" } ?? "never")"
        }
        return Outcome(name: label, requests: requests, jobs: ids.count,
                       delays: ledger.delays, changes: ledger.tracked.count, unseen: ledger.unseen,
                       failureDelays: ledger.failureDelays(horizon: horizon), slowest: slowest, byJob: byJob)
    }

    // MARK: - Text

    static func format(_ value: Double) -> String {
        value.isNaN ? "-" : String(format: value < 10 ? "%.2f" : "%.1f", value)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}

/// `--name value` and `--flag` arguments; anything else is refused.
struct Arguments {
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    init(_ list: some Sequence<String>) {
        var pending: String?
        for item in list {
            if let name = pending {
                values[name] = item
                pending = nil
            } else if item == "--tsv" || item == "--help" {
                flags.insert(item)
            } else if item.hasPrefix("--") {
                pending = item
            } else {
                FileHandle.standardError.write(Data("EngineComparison: unexpected argument \(item)\n".utf8))
                exit(64)
            }
        }
        if flags.contains("--help") {
            print("EngineComparison [--horizon SECONDS] [--step SECONDS] [--interval SECONDS] [--budget PER_MINUTE] [--only SERVICE] [--worst N] [--tsv]")
            exit(0)
        }
    }

    func double(_ name: String) -> Double? { values[name].flatMap(Double.init) }
    func text(_ name: String) -> String? { values[name] }
    func flag(_ name: String) -> Bool { flags.contains(name) }
}
