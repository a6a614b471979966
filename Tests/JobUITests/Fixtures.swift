import Foundation
import JobModel
@testable import JobUI

/// Hand-built snapshots: one failed batch, one running batch, one single-server job.
enum Fixtures {
    /// Where the fixtures' jobs live.
    static func key(_ jobID: String) -> JobKey {
        JobKey(endpoint: "bms.cn-north-4.myhuaweicloud.com:443", projectID: "0a1b2c3d", jobID: jobID)
    }

    static let t0 = Date(timeIntervalSince1970: 1_556_222_674) // 2019-04-25T20:04:34Z
    static let now = t0.addingTimeInterval(300)
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    static let color = TerminalCapabilities(colors: 256, unicode: true)
    static let mono = TerminalCapabilities(colors: 0, unicode: true)
    static let ascii = TerminalCapabilities(colors: 8, unicode: false)

    static let failedBatchID = "2c9eb2c5544cbf6101544f0602af2b4f"
    static let runningBatchID = "4d1e0000aaaabbbbccccddddeeee0001"
    static let singleID = "ff00112233445566778899aabbccddee"

    static func sub(_ id: String, _ status: JobStatus, begin: TimeInterval = 13, end: TimeInterval? = nil, server: String? = nil, reason: String? = nil) -> Job {
        var attributes: [EntityAttribute] = []
        if let server { attributes.append(EntityAttribute(key: "server_id", value: server)) }
        return Job(
            id: id, type: "baremetalSingleCreate", status: status,
            beginTime: t0.addingTimeInterval(begin), endTime: end.map { t0.addingTimeInterval($0) },
            errorCode: reason == nil ? nil : "BMS.0102",
            entities: JobEntities(attributes: attributes, errorMessage: reason.map { ErrorcodeMessage(raw: $0, code: "403", message: $0) }))
    }

    static var failedBatch: JobState {
        let job = Job(
            id: failedBatchID, type: "baremetalBatchCreate", status: .fail,
            beginTime: t0, endTime: t0.addingTimeInterval(247), errorCode: "BMS.0102",
            entities: JobEntities(subJobsTotal: 2, subJobs: [
                sub("2c9eb2c5544cbf6101544f0635672b60", .success, end: 227, server: "bae51750-0089-41a1-9b18-5c777978ff6d"),
                sub("2c9eb2c5544cbf6101544f0635672b61", .fail, end: 240, reason: "Quota exceeded for instances"),
            ]))
        return JobState(entry: WatchEntry(profile: "prod", jobID: failedBatchID), key: Fixtures.key(failedBatchID), job: job, readAt: now.addingTimeInterval(-5), health: .fresh)
    }

    static var runningBatch: JobState {
        let job = Job(
            id: runningBatchID, type: "baremetalBatchOperate", status: .running, beginTime: t0.addingTimeInterval(60),
            entities: JobEntities(subJobsTotal: 3, subJobs: [
                sub("4d1e0000aaaabbbbccccddddeeee1001", .success, begin: 61, end: 120),
                sub("4d1e0000aaaabbbbccccddddeeee1002", .running, begin: 62),
                sub("4d1e0000aaaabbbbccccddddeeee1003", .initial, begin: 63),
            ]))
        var state = JobState(entry: WatchEntry(profile: "prod", jobID: runningBatchID, label: "reboot rack 7"), key: Fixtures.key(runningBatchID), job: job, readAt: now.addingTimeInterval(-2), health: .fresh)
        state.slowSubJobIDs = ["4d1e0000aaaabbbbccccddddeeee1002"]
        return state
    }

    static var single: JobState {
        let job = Job(id: singleID, type: "baremetalSingleOperate", status: .running, beginTime: t0.addingTimeInterval(100),
                      entities: JobEntities(attributes: [EntityAttribute(key: "server_id", value: "aaaa1111-0000-0000-0000-000000000001")]))
        return JobState(entry: WatchEntry(profile: "prod", jobID: singleID), key: Fixtures.key(singleID), job: job, readAt: now.addingTimeInterval(-60),
                        lastError: APIError(kind: .http, httpStatus: 503, message: "Service Unavailable", requestId: "req-42"), health: .stale)
    }

    static func snapshot(_ jobs: [JobState] = [failedBatch, runningBatch, single]) -> Snapshot {
        var jobCounts = StatusCounts()
        var subCounts = StatusCounts()
        // The counts the engine makes once per snapshot.
        let jobs = jobs.map { state in
            var counted = state
            let subs = state.job?.subJobs ?? []
            counted.failedSubJobs = subs.count { $0.status == .fail }
            counted.finishedSubJobs = subs.count { $0.status.isTerminal }
            return counted
        }
        for state in jobs {
            jobCounts.add(state.status)
            if let subs = state.job?.subJobs, !subs.isEmpty { subs.forEach { subCounts.add($0.status) } } else { subCounts.add(state.status) }
        }
        return Snapshot(takenAt: now, jobs: jobs, jobCounts: jobCounts, subJobCounts: subCounts, eta: 190,
                        budgets: [BudgetUse(credential: "AK HPUA…", endpoint: "bms.cn-north-4.myhuaweicloud.com:443", usedLastMinute: 12, limitPerMinute: 30)],
                        lastPollAt: now.addingTimeInterval(-2))
    }

    static func state(width: Int = 80, height: Int = 24) -> ViewState {
        var state = ViewState()
        state.localTimeZone = shanghai
        state.screen = ScreenSize(width: width, height: height)
        return state
    }

    static func render(_ snapshot: Snapshot, _ state: ViewState, width: Int = 80, height: Int = 24, capabilities: TerminalCapabilities = color, events: [Transition] = []) -> Frame {
        Dashboard.render(snapshot, state, width: width, height: height, capabilities: capabilities, now: now, events: events)
    }

    /// A model at the fixtures' time and in colour.
    static func model(_ state: ViewState = state(), _ snapshot: Snapshot = snapshot(), events: [Transition] = [], bell: Bool = false) -> Model {
        Model(snapshot: snapshot, state: state, events: events, bellOnEvents: bell, capabilities: color, now: now)
    }

    /// Applies messages in order, collecting effects.
    static func send(_ messages: [Message], _ model: Model) -> (Model, [Effect]) {
        var model = model
        var effects: [Effect] = []
        for message in messages {
            let result = Dashboard.update(model, message)
            model = result.0
            effects += result.1
        }
        return (model, effects)
    }

    /// `send` for a view state and a snapshot.
    static func send(_ messages: [Message], _ state: ViewState, _ snapshot: Snapshot, events: [Transition] = []) -> (ViewState, [Effect]) {
        let (model, effects) = send(messages, model(state, snapshot, events: events))
        return (model.state, effects)
    }

    /// Applies keys in order, collecting effects.
    static func press(_ keys: [Key], _ state: ViewState, _ snapshot: Snapshot, events: [Transition] = []) -> (ViewState, [Effect]) {
        send(keys.map(Message.key), state, snapshot, events: events)
    }

    static func keys(_ text: String) -> [Key] { text.map { .character($0) } }
}
