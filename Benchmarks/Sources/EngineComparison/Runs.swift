import Foundation
import JobModel
import JobAPI
import JobEngine
import JobSimulator

/// What one poller did on one seed of a scenario.
struct Outcome {
    var requests: Int
    var delays: [Double]
    var changes: Int
    var unseen: Int
    /// How long each failure took to show (an unseen one counts as the rest of the horizon).
    var failureDelays: [Double]
    /// The slowest changes to show, slowest first, as text (`--worst N`).
    var slowest: [String] = []
    /// Requests per top-level job, with its type, in the scenario's order.
    var byJob: [(type: String, requests: Int)] = []

    var median: Double { Percentile.of(delays, 0.5) }
    var p90: Double { Percentile.of(delays, 0.9) }
    var slowestFailure: Double { failureDelays.max() ?? 0 }
}

enum Percentile {
    static func of(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = p * Double(sorted.count - 1)
        let low = Int(rank.rounded(.down)), high = Int(rank.rounded(.up))
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - Double(low))
    }
}

/// The two pollers on one seed of a scenario, each on a rig of its own. Jobs are given to a
/// poller when the API comes to know them (as a rollout script hands each job on when it is
/// created), so neither is measured on 404s of jobs not yet made.
enum Runs {
    static func fixed(_ scenario: BenchScenario, seed: UInt64?) async throws -> (outcome: Outcome, anchors: Anchors) {
        let rig = try await VirtualRig.make(scenario: scenario.simulator, seed: seed)
        let jobs = rig.simulator.topLevelJobs
        var ledger = rig.ledger(horizon: scenario.horizon)
        let poller = FixedPoller(jobs: jobs, handedOver: Handover.times(jobs, seed: seed), interval: .seconds(10), rig: rig)
        let task = Task { await poller.run() }
        let step = Duration.seconds(scenario.step)
        await rig.settle { await poller.inFlight }
        while rig.now < scenario.horizon {
            ledger.observe(await poller.latest, at: rig.now)
            await rig.storm(scenario.storm)
            await rig.advance(by: step) { await poller.inFlight }
        }
        ledger.observe(await poller.latest, at: rig.now)
        task.cancel()
        await rig.testClock.advance(by: .seconds(10))
        await task.value
        let requests = await rig.simulator.totalRequests()
        let byJob = await rig.requestsByJob()
        await rig.shutdown()
        let outcome = Outcome(requests: requests, delays: ledger.delays, changes: ledger.tracked.count, unseen: ledger.unseen,
                              failureDelays: ledger.failureDelays(horizon: scenario.horizon), byJob: byJob)
        let created = Dictionary(jobs.map { ($0.id, $0.createdAt) }, uniquingKeysWith: { a, _ in a })
        let anchors = Anchors(changes: ledger.tracked.map(\.change), created: created, delay: outcome.p90)
        return (outcome, anchors)
    }

    static func engine(_ scenario: BenchScenario, seed: UInt64?, mode: PollPolicy.Mode) async throws -> Outcome {
        let rig = try await VirtualRig.make(scenario: scenario.simulator, seed: seed)
        var settings = EngineSettings()
        settings.randomSeed = 7 &+ (seed ?? 0)
        settings.policy = PollPolicy(mode: mode)
        PolicyTweaks.apply(to: &settings.policy)
        settings.names = false
        settings.sharesState = false
        var ledger = rig.ledger(horizon: scenario.horizon)
        let yesterday = scenario.warm ? try await Yesterday.state(of: scenario, seed: 100 &+ (seed ?? 0), profile: rig.profile.name) : nil
        let engine = Engine(profiles: [rig.profile], client: rig.client, settings: settings, clock: rig.clock, restored: yesterday)
        let runner = Task { await engine.run() }
        let handedOver = Handover.times(rig.simulator.topLevelJobs, seed: seed)
        var waiting = rig.simulator.topLevelJobs.sorted { handedOver[$0.id, default: 0] < handedOver[$1.id, default: 0] }[...]
        func addArrived() async throws {
            var arrived: [WatchEntry] = []
            while let next = waiting.first, handedOver[next.id, default: 0] <= rig.now {
                arrived.append(WatchEntry(profile: rig.profile.name, jobID: next.id, service: next.service))
                waiting.removeFirst()
            }
            if !arrived.isEmpty { try await engine.add(arrived) }
        }
        func view() async -> [String: Job] {
            var jobs: [String: Job] = [:]
            for state in await engine.currentSnapshot().jobs { jobs[state.key.jobID] = state.job }
            return jobs
        }
        let inFlight = { await engine.currentSnapshot().jobs.count(where: \.requestInFlight) }
        try await addArrived()
        await rig.settle(inFlight: inFlight)
        let step = Duration.seconds(scenario.step)
        while rig.now < scenario.horizon {
            ledger.observe(await view(), at: rig.now)
            await rig.storm(scenario.storm)
            await rig.testClock.advance(by: step)
            try await addArrived()
            await rig.settle(inFlight: inFlight)
        }
        ledger.observe(await view(), at: rig.now)
        runner.cancel()
        await runner.value
        let requests = await rig.simulator.totalRequests()
        let byJob = await rig.requestsByJob()
        await rig.shutdown()
        let types = Dictionary(rig.simulator.topLevelJobs.map { ($0.id, $0.type) }, uniquingKeysWith: { a, _ in a })
        let slowest = ledger.tracked.sorted { ($0.seenAt ?? .infinity) - $0.change.at > ($1.seenAt ?? .infinity) - $1.change.at }.prefix(40).map { t in
            "\(types[t.change.jobID] ?? "?")\(t.change.subJobID == nil ? "" : " sub-job") → \(t.change.status) at \(Text.format(t.change.at)) s, seen \(t.seenAt.map { Text.format($0 - t.change.at) + " s later" } ?? "never")"
        }
        return Outcome(requests: requests, delays: ledger.delays, changes: ledger.tracked.count, unseen: ledger.unseen,
                       failureDelays: ledger.failureDelays(horizon: scenario.horizon), slowest: Array(slowest), byJob: byJob)
    }
}

enum Text {
    static func format(_ value: Double) -> String {
        value.isNaN ? "-" : String(format: value < 10 ? "%.2f" : "%.1f", value)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}

/// `JOBWATCH_POLICY="due=0.9,young=1,youngFor=120,…"`: a policy's figures changed for one
/// run, to try a rule on the bench before it is written into `PollPolicy` (labelled so).
enum PolicyTweaks {
    static let text = ProcessInfo.processInfo.environment["JOBWATCH_POLICY"] ?? ""

    static func apply(to policy: inout PollPolicy) {
        for item in text.split(separator: ",") {
            let pair = item.split(separator: "=")
            guard pair.count == 2, let value = Double(pair[1]) else { continue }
            switch pair[0] {
            case "initial": policy.pace.initial = value
            case "due": policy.pace.due = value
            case "young": policy.pace.young = value
            case "early": policy.pace.early = value
            case "midway": policy.pace.midway = value
            case "payment": policy.pace.pendingPayment = value
            case "patience": policy.pace.patience = value
            case "youngFor": policy.youngFor = value
            case "dueLow": policy.dueBand = value...policy.dueBand.upperBound
            case "dueHigh": policy.dueBand = policy.dueBand.lowerBound...value
            case "watch": policy.watchOverdueUntil = value
            case "lateShare": policy.lateShare = value
            case "initialPatience": policy.pace.initialPatience = value
            case "outrun": policy.outrunSiblingsUntil = value
            default: FileHandle.standardError.write(Data("JOBWATCH_POLICY: \(pair[0]) is not a figure of the policy\n".utf8))
            }
        }
    }
}

/// Yesterday's run of a scenario, finished, as the state keeps it: each job read once at the
/// end of the day (another seed: other IDs, other durations drawn from the same spreads).
enum Yesterday {
    static func state(of scenario: BenchScenario, seed: UInt64, profile: String) async throws -> StateFile {
        let rig = try await VirtualRig.make(scenario: scenario.simulator, seed: seed)
        await rig.testClock.advance(by: .seconds(6 * 3600))
        var saved: [StateFile.SavedJob] = []
        for job in rig.simulator.topLevelJobs {
            let target = JobTarget(service: job.service, endpoint: rig.profile.endpoint(for: job.service),
                                   projectID: rig.profile.owner(of: job.service), jobID: job.id)
            let read = try? await rig.client.fetch(target, credential: rig.profile.credential, now: rig.clock.date).job
            saved.append(StateFile.SavedJob(profile: profile, key: nil, jobID: job.id, label: nil, job: read, readAt: rig.clock.date))
        }
        await rig.shutdown()
        return StateFile(savedAt: VirtualRig.start, jobs: saved, events: [])
    }
}

/// When each job is given to a poller: from its creation (or the start), after a few seconds
/// drawn from the seed, the same for both pollers. The scenario's jobs change at round
/// seconds (a run of 25 s, INIT for 5 s): a poller that started at the very creation, every
/// 10 s, would see many of them at the instant they happen, by the hand-written scenario's
/// luck, not its own.
enum Handover {
    static func times(_ jobs: [SimulatedJob], seed: UInt64?) -> [String: Double] {
        var times: [String: Double] = [:]
        for job in jobs { times[job.id] = max(0, job.createdAt) + fraction(of: job.id, seed: seed ?? 0) * 10 }
        return times
    }

    /// 0 ≤ x < 1 from the job's ID and the seed (FNV-1a): the same in every run.
    static func fraction(of id: String, seed: UInt64) -> Double {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Double(hash >> 11) / Double(UInt64(1) << 53)
    }
}
