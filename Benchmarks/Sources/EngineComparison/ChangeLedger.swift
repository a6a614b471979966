import Foundation
import JobModel
import JobAPI
import JobSimulator

/// The scenario's planned status changes, each marked with the first time a poller's view
/// showed it (that status, or one that comes after it in the job's life).
struct ChangeLedger {
    struct Entity: Hashable {
        var jobID: String
        var subJobID: String?
    }

    struct Tracked {
        var change: ScheduledChange
        /// Position in the entity's life: INIT is 0, its first change 1, …
        var phase: Int
        var seenAt: Double?
    }

    private(set) var tracked: [Tracked] = []
    /// The statuses each entity goes through, in order, INIT first.
    private var lives: [Entity: [String]] = [:]

    /// Changes strictly after the start (the first poll shows the opening state) and no later
    /// than `horizon`.
    /// - Parameter services: each top-level job's service, whose words its statuses are shown
    ///   in (an order's `5` is shown `COMPLETED`).
    init(changes: [ScheduledChange], services: [String: Service], horizon: Double) {
        var byEntity: [Entity: [ScheduledChange]] = [:]
        for change in changes { byEntity[Entity(jobID: change.jobID, subJobID: change.subJobID), default: []].append(change) }
        for (entity, list) in byEntity {
            let ordered = list.sorted { $0.at < $1.at }
            let names = services[entity.jobID]?.dialect.fields?.statusNames ?? [:]
            lives[entity] = ["INIT"] + ordered.map { names[$0.status] ?? $0.status }
            for (index, change) in ordered.enumerated() where change.at > 0 && change.at <= horizon {
                tracked.append(Tracked(change: change, phase: index + 1))
            }
        }
        tracked.sort { $0.change.at < $1.change.at }
    }

    /// Takes in what a poller shows at scenario time `now`: top-level jobs by ID.
    mutating func observe(_ jobs: [String: Job], at now: Double) {
        for index in tracked.indices where tracked[index].seenAt == nil && tracked[index].change.at <= now {
            let change = tracked[index].change
            guard let job = jobs[change.jobID] else { continue }
            let shown: Job?
            if let subID = change.subJobID {
                shown = job.subJobs.first { $0.id == subID }
            } else {
                shown = job
            }
            guard let shown, let life = lives[Entity(jobID: change.jobID, subJobID: change.subJobID)] else { continue }
            // An order's resources are shown only once it completes, in words of their own
            // (IN_USE): an end shows every change before it.
            if let phase = life.lastIndex(of: shown.status.rawValue) {
                guard phase >= tracked[index].phase else { continue }
            } else if !shown.status.isTerminal {
                continue
            }
            tracked[index].seenAt = now
        }
    }

    var delays: [Double] { tracked.compactMap { t in t.seenAt.map { $0 - t.change.at } } }
    /// Delays of the changes to a failure (an unseen one counts as the whole horizon).
    func failureDelays(horizon: Double) -> [Double] {
        tracked.filter { JobStatus(raw: $0.change.status).outcome == .fail }.map { t in
            t.seenAt.map { $0 - t.change.at } ?? horizon - t.change.at
        }
    }
    var unseen: Int { tracked.count { $0.seenAt == nil } }
}
