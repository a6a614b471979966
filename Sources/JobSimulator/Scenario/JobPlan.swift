import JobModel
/// One simulated job (or sub-job) and its whole life, fixed in advance: its state at any
/// scenario time is a pure function of that time, so every answer is consistent.
///
/// Times are scenario seconds from the scenario's origin; negative means "before the
/// simulator started" (a job already running when the morning begins).
struct JobPlan: Sendable, Hashable {
    enum Outcome: Sendable, Hashable {
        case success
        /// `errorcodeMessage` is the sub-job's `entities.errorcode_message`, verbatim.
        case fail(errorCode: String?, failReason: String?, errorcodeMessage: String?)
        /// An undocumented status the job takes when its run ends, and keeps forever.
        case becomes(String)
    }

    var id: String
    var type: String
    /// When the job appears, in `INIT`, with its `begin_time`.
    var createdAt: Double
    /// How long it stays in `INIT`.
    var initFor: Double
    /// How long it stays `RUNNING` after `INIT`.
    var runFor: Double
    var outcome: Outcome
    /// `server_id`, `volume_id`, … in display order.
    var attributes: [OrderedJSON.Member]
    /// Sub-job entities sent as an array of one-key objects (`[{"server_id":…},{"volume_id":…}]`).
    var entitiesAsArray: Bool = false
    var subJobs: [JobPlan] = []

    var runsFrom: Double { createdAt + initFor }
    var endsAt: Double { runsFrom + runFor }

    var isBatch: Bool { !subJobs.isEmpty }

    /// The status at scenario time `t`.
    func status(at t: Double) -> String {
        if t < runsFrom { return "INIT" }
        if t < endsAt { return "RUNNING" }
        switch outcome {
        case .success: return "SUCCESS"
        case .fail: return "FAIL"
        case .becomes(let status): return status
        }
    }

    /// Whether the job is in SUCCESS or FAIL at `t` (it never changes again).
    func isTerminal(at t: Double) -> Bool {
        let status = status(at: t)
        return status == "SUCCESS" || status == "FAIL"
    }
}

extension JobPlan {
    /// A batch whose run lasts until its last sub-job ends, plus a few seconds to settle.
    /// Sub-jobs are created when the batch leaves `INIT`.
    static func batch(
        id: String, type: String, createdAt: Double, initFor: Double,
        subJobs: [JobPlan], failure: Outcome
    ) -> JobPlan {
        let runsFrom = createdAt + initFor
        let lastEnd = subJobs.map(\.endsAt).max() ?? runsFrom
        let anyFailed = subJobs.contains { if case .fail = $0.outcome { true } else { false } }
        return JobPlan(
            id: id, type: type, createdAt: createdAt, initFor: initFor,
            runFor: max(0, lastEnd - runsFrom) + 3,
            outcome: anyFailed ? failure : .success,
            attributes: [], subJobs: subJobs
        )
    }
}
