import Foundation
import JobModel

extension JobPlan {
    /// A body of the families `JobFields` describes (FAMILIES.md §1–§6), written from that same
    /// description: the family's keys, words and time format, its wrapper around the job.
    /// `attributes` keys may be paths (`instance.name`), written as nested objects.
    func fieldsJSON(at t: Double, clock: ScenarioClock, fields: JobFields) -> OrderedJSON {
        let job = fieldsObject(at: t, clock: clock, fields: fields)
        switch fields.wrapper {
        case .none:
            return job
        case .member(let key):
            return service == .elb
                ? .object([.init(key, job), .init("request_id", .string("5c7f21b0e0a04d3fb1f4c2b8d6a9e017"))])
                : .object([.init(key, job)])
        case .firstOf(let key):
            // DMS counts its tasks in a string (FAMILIES.md §6).
            return .object([.init("task_count", .string("1")), .init(key, .array([job]))])
        case .memberOrFirstOf(let member, let list):
            return service == .geminidb
                ? .object([.init("total_count", .int(1)), .init(list, .array([job]))])
                : .object([.init(member, job)])
        }
    }

    private func fieldsObject(at t: Double, clock: ScenarioClock, fields: JobFields) -> OrderedJSON {
        let finished = isTerminal(at: t)
        var members: [(path: String, value: OrderedJSON)] = []
        // A DMS task's plan ID names its instance first: the body names the task only.
        let ownID = service.idNamesInstance ? Service.instanceAndTask(id)?.task ?? id : id
        if let key = fields.id.first { members.append((key, .string(ownID))) }
        if let key = fields.type.first { members.append((key, .string(type))) }
        // An order's status is a number (FAMILIES.md §8.2).
        let word = status(at: t)
        members.append((fields.status, !fields.statusNames.isEmpty ? Int(word).map(OrderedJSON.int) ?? .string(word) : .string(word)))
        if let key = fields.begin.first {
            members.append((key, .string(Self.time(clock.date(at: createdAt), fields.timeFormat))))
        }
        if finished, let key = fields.end.first {
            members.append((key, .string(Self.time(clock.date(at: endsAt), fields.timeFormat))))
        }
        if let key = fields.progress.first {
            let running = t >= runsFrom && t < endsAt
            let percent = Int(progress(at: t) * 100)
            members.append((key, key.contains(".") ? .int(finished ? 100 : percent) : .string(running ? "\(percent)%" : "")))
        }
        members += attributes.map { ($0.key, $0.value) }
        switch (finished, outcome) {
        case (true, .fail(let code, let reason, _)):
            if let key = fields.errorCode.first { members.append((key, code.map(OrderedJSON.string) ?? .null)) }
            if let key = fields.failReason.first { members.append((key, reason.map(OrderedJSON.string) ?? .null)) }
        default:
            // ELB writes empty strings, not nulls, while nothing failed (FAMILIES.md §3).
            if service == .elb {
                members.append(("error_code", .string("")))
                members.append(("error_msg", .string("")))
            }
        }
        if let key = fields.subJobs, isBatch, t >= runsFrom {
            members.append((key, .array(subJobs.map { $0.fieldsObject(at: t, clock: clock, fields: fields) })))
        }
        return Self.nested(members)
    }

    /// Members whose keys are paths, as nested objects in first-seen order.
    private static func nested(_ members: [(path: String, value: OrderedJSON)]) -> OrderedJSON {
        var order: [String] = []
        var leaves: [String: OrderedJSON] = [:]
        var children: [String: [(path: String, value: OrderedJSON)]] = [:]
        for (path, value) in members {
            let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
            if !order.contains(parts[0]) { order.append(parts[0]) }
            if parts.count == 2 {
                children[parts[0], default: []].append((parts[1], value))
            } else {
                leaves[parts[0]] = value
            }
        }
        return .object(order.map { key in .init(key, leaves[key] ?? nested(children[key] ?? [])) })
    }

    /// A time as the family writes it (`JobFields.TimeFormat`), in UTC.
    static func time(_ date: Date, _ format: JobFields.TimeFormat) -> String {
        let iso = JobTimestamp.format(date)  // 2019-04-25T20:04:47.591Z
        let seconds = String(iso.prefix(19))
        switch format {
        case .offsetWithoutColon: return seconds + "+0000"
        case .epochMillisString: return String(Int64((date.timeIntervalSince1970 * 1000).rounded()))
        case .isoSeconds: return seconds + "Z"
        case .spaceSeparatedUTC: return seconds.replacingOccurrences(of: "T", with: " ")
        case .isoMillisOffset: return String(iso.prefix(23)) + "+00:00"
        case .isoMillis: return iso
        }
    }
}
