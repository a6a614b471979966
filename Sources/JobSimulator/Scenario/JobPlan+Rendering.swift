import Foundation
import JobModel
import JobAPI

extension JobPlan {
    /// The body `GET /v1/{project_id}/jobs/{job_id}` answers at scenario time `t`, shaped like
    /// JOB-API.md: the doc's key order, times in UTC with milliseconds, `end_time` `""` and no
    /// error fields while running, `null` error fields on success.
    func json(at t: Double, clock: ScenarioClock) -> OrderedJSON {
        let status = status(at: t)
        let finished = status == "SUCCESS" || status == "FAIL"
        var members: [OrderedJSON.Member] = [
            .init("status", .string(status)),
            .init("entities", entities(at: t, clock: clock)),
            .init("job_id", .string(id)),
            .init("job_type", .string(type)),
            .init("begin_time", .string(JobTimestamp.format(clock.date(at: createdAt)))),
            .init("end_time", .string(finished ? JobTimestamp.format(clock.date(at: endsAt)) : "")),
        ]
        switch (status, outcome) {
        case ("FAIL", .fail(let code, let reason, _)):
            members.append(.init("error_code", code.map(OrderedJSON.string) ?? .null))
            members.append(.init("fail_reason", reason.map(OrderedJSON.string) ?? .null))
        case ("SUCCESS", _):
            members.append(.init("error_code", .null))
            members.append(.init("fail_reason", .null))
        default:
            break  // running jobs come without them, as seen in the wild
        }
        return .object(members)
    }

    private func entities(at t: Double, clock: ScenarioClock) -> OrderedJSON {
        var members = attributes
        if case .fail(_, _, let message?) = outcome, status(at: t) == "FAIL" {
            members.append(.init("errorcode_message", .string(message)))
        }
        if isBatch {
            members.append(.init("sub_jobs_total", .int(subJobs.count)))
            // Sub-jobs are listed once the batch has left INIT.
            if t >= runsFrom {
                members.append(.init("sub_jobs", .array(subJobs.map { $0.json(at: t, clock: clock) })))
            }
        }
        if entitiesAsArray {
            return .array(members.map { .object([$0]) })
        }
        return .object(members)
    }
}
