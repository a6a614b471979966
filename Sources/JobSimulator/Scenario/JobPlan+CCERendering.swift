import Foundation
import JobModel

extension JobPlan {
    /// CCE's `GET /api/v3/projects/{project_id}/jobs/{job_id}` (docs/api/SERVICES.md §5): `kind`,
    /// `apiVersion`, `metadata` with Go-style times, `spec` with the sub-jobs as whole jobs,
    /// `status.phase` and `status.reason`. The top level always carries a `reason` (`""` until
    /// it fails), as the doc's example does; sub-jobs carry one only when they fail.
    func cceJSON(at t: Double, clock: ScenarioClock, topLevel: Bool) -> OrderedJSON {
        var spec: [OrderedJSON.Member] = [.init("type", .string(type))]
        spec += attributes
        if isBatch {
            spec.append(.init("subJobs", .array(subJobs.map { $0.cceJSON(at: t, clock: clock, topLevel: false) })))
        }
        var status: [OrderedJSON.Member] = [.init("phase", .string(status(at: t)))]
        if let reason = failReason(at: t) {
            status.append(.init("reason", .string(reason)))
        } else if topLevel {
            status.append(.init("reason", .string("")))
        }
        return .object([
            .init("kind", .string("Job")),
            .init("apiVersion", .string("v3")),
            .init("metadata", .object([
                .init("uid", .string(id)),
                .init("creationTimestamp", .string(goTime(clock.date(at: createdAt), salt: 1))),
                .init("updateTimestamp", .string(goTime(clock.date(at: lastChange(atOrBefore: t)), salt: 2))),
            ])),
            .init("spec", .object(spec)),
            .init("status", .object(status)),
        ])
    }

    /// When it or one of its sub-jobs last changed phase, no later than `t`: what CCE's
    /// `updateTimestamp` says (and, once it is finished, its end).
    func lastChange(atOrBefore t: Double) -> Double {
        var latest = createdAt
        for moment in [runsFrom, endsAt] where moment <= t { latest = max(latest, moment) }
        for sub in subJobs where sub.createdAt <= t { latest = max(latest, sub.lastChange(atOrBefore: t)) }
        return latest
    }

    /// A Go-style time whose digits below the millisecond, and how many of them show, follow
    /// from the job's ID: the same body every time, and fractions of varying length.
    private func goTime(_ date: Date, salt: UInt64) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ salt
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return ServiceTimestamps.go(date, jitter: Int(hash % 1_000_000), digits: 6 + Int((hash >> 20) % 4))
    }
}
