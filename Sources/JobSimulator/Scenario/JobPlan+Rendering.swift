import Foundation
import JobModel
import JobAPI

extension JobPlan {
    /// The body its service's job API answers at scenario time `t`: CCE's Kubernetes-style
    /// object, or the `/v1/{project_id}/jobs/{job_id}` family's.
    func json(at t: Double, clock: ScenarioClock) -> OrderedJSON {
        switch service.dialect {
        case .cce: cceJSON(at: t, clock: clock, topLevel: true)
        case .fields(let fields): fieldsJSON(at: t, clock: clock, fields: fields)
        case .jobsV1: v1JSON(at: t, clock: clock)
        }
    }

    /// Shaped like docs/api/JOB-API.md and docs/api/SERVICES.md §1–§4: the doc's key order, `end_time` `""` and
    /// no error fields while running, `null` error fields on success. IMS writes its own time
    /// format; only BMS and ECS count their sub-jobs.
    private func v1JSON(at t: Double, clock: ScenarioClock) -> OrderedJSON {
        let status = status(at: t)
        let finished = isTerminal(at: t)
        var members: [OrderedJSON.Member] = [
            .init("status", .string(status)),
            .init("entities", entities(at: t, clock: clock)),
            .init("job_id", .string(id)),
            .init("job_type", .string(type)),
            .init("begin_time", .string(timestamp(clock.date(at: createdAt)))),
            .init("end_time", .string(finished ? timestamp(clock.date(at: endsAt)) : "")),
        ]
        switch (finished, outcome) {
        case (true, .fail(let code, let reason, _)):
            members.append(.init("error_code", code.map(OrderedJSON.string) ?? .null))
            members.append(.init("fail_reason", reason.map(OrderedJSON.string) ?? .null))
        case (true, .success):
            members.append(.init("error_code", .null))
            members.append(.init("fail_reason", .null))
        default:
            break  // running jobs come without them, as seen in the wild
        }
        return .object(members)
    }

    private func timestamp(_ date: Date) -> String {
        service == .ims ? ServiceTimestamps.ims(date) : JobTimestamp.format(date)
    }

    /// EVS and EIP batches have no `sub_jobs_total` (docs/api/SERVICES.md §0, "Where sub-jobs live").
    private var countsSubJobs: Bool { service == .bms || service == .ecs }

    private func entities(at t: Double, clock: ScenarioClock) -> OrderedJSON {
        var members = attributes
        if let currentTask {
            members.append(.init("process_percent", .number(progress(at: t))))
            members.append(.init("current_task", .string(currentTask)))
        }
        if case .fail(_, _, let message?) = outcome, isTerminal(at: t) {
            members.append(.init("errorcode_message", .string(message)))
        }
        if isBatch {
            if countsSubJobs { members.append(.init("sub_jobs_total", .int(subJobs.count))) }
            // Sub-jobs are listed once the batch has left INIT.
            if t >= runsFrom {
                members.append(.init("sub_jobs", .array(subJobs.map { $0.v1JSON(at: t, clock: clock) })))
            }
        }
        if entitiesAsArray {
            return .array(members.map { .object([$0]) })
        }
        return .object(members)
    }

    /// IMS's `process_percent`: a fraction (0.0–1.0) in hundredths, growing while it runs,
    /// 1.0 once it has succeeded and frozen where it was when it failed.
    func progress(at t: Double) -> Double {
        guard t >= runsFrom else { return 0 }
        if t >= endsAt, case .success = outcome { return 1 }
        let done = runFor > 0 ? min(t, endsAt) - runsFrom : 0
        return min((done / max(runFor, 1) * 100).rounded(.down), 99) / 100
    }
}
