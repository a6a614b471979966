import Foundation
import JobModel

extension JobPlan {
    /// IMS ShowJobProgress's body (`GET /v1/cloudimages/job/{job_id}`, SERVICES.md §3): the
    /// example's key order and ISO 8601 times (not ShowJob's `04-Jun-2015 …`), the error fields
    /// `null` until it fails, and in `entities` the image's name and ID with the fraction done
    /// and the task it is on.
    func progressJSON(at t: Double, clock: ScenarioClock) -> OrderedJSON {
        let finished = isTerminal(at: t)
        var errorCode = OrderedJSON.null, failReason = OrderedJSON.null
        if finished, case .fail(let code, let reason, _) = outcome {
            errorCode = code.map(OrderedJSON.string) ?? .null
            failReason = reason.map(OrderedJSON.string) ?? .null
        }
        var entities: [OrderedJSON.Member] = []
        if let name = attributes.first(where: { $0.key == "image_name" }) { entities.append(name) }
        entities.append(.init("process_percent", .number(progress(at: t))))
        if let currentTask { entities.append(.init("current_task", .string(currentTask))) }
        if let image = attributes.first(where: { $0.key == "image_id" }) { entities.append(image) }
        return .object([
            .init("job_id", .string(id)),
            .init("job_type", .string(type)),
            .init("begin_time", .string(JobTimestamp.format(clock.date(at: createdAt)))),
            .init("end_time", .string(finished ? JobTimestamp.format(clock.date(at: endsAt)) : "")),
            .init("status", .string(status(at: t))),
            .init("error_code", errorCode),
            .init("fail_reason", failReason),
            .init("entities", .object(entities)),
        ])
    }
}
