import JobModel
/// One simulated job (or sub-job) and its whole life, fixed in advance: its state at any
/// scenario time is a pure function of that time, so every answer is consistent.
///
/// Times are scenario seconds from the scenario's origin; negative means "before the
/// simulator started" (a job already running when the morning begins).
struct JobPlan: Sendable, Hashable {
    /// Whose job it is: picks the path it is served on and the shape of its body.
    var service: Service = .bms

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
    /// `server_id`, `volume_id`, … in display order; for CCE, the `spec` members after `type`
    /// (`clusterUID`, `resourceID`, `resourceName`, `extendParam`).
    var attributes: [OrderedJSON.Member]
    /// Sub-job entities sent as an array of one-key objects (`[{"server_id":…},{"volume_id":…}]`).
    var entitiesAsArray: Bool = false
    var subJobs: [JobPlan] = []
    /// IMS: the `current_task` its entities name, beside a `process_percent` that grows with time.
    var currentTask: String? = nil

    var runsFrom: Double { createdAt + initFor }
    var endsAt: Double { runsFrom + runFor }

    var isBatch: Bool { !subJobs.isEmpty }

    /// The status at scenario time `t`, in the service's words (CCE: `Initializing`,
    /// `Running`, `Success`, `Failed`).
    func status(at t: Double) -> String {
        let words = words
        if t < runsFrom { return words.initial }
        if t < endsAt { return words.running }
        switch outcome {
        case .success: return words.success
        case .fail: return words.fail
        case .becomes(let status): return status
        }
    }

    /// How its service spells each stage.
    private var words: JobFields.Words {
        switch service.dialect {
        case .fields(let fields): fields.words
        case .cce: JobFields.Words(initial: "Initializing", running: "Running", success: "Success", fail: "Failed")
        case .jobsV1: JobFields.Words(initial: "INIT", running: "RUNNING", success: "SUCCESS", fail: "FAIL")
        }
    }

    /// Whether the job has succeeded or failed at `t` (it never changes again).
    func isTerminal(at t: Double) -> Bool {
        guard t >= endsAt else { return false }
        if case .becomes = outcome { return false }
        return true
    }

    /// The failure's `fail_reason` (CCE: `status.reason`) once it has failed.
    func failReason(at t: Double) -> String? {
        guard t >= endsAt, case .fail(_, let reason, _) = outcome else { return nil }
        return reason
    }
}

extension JobPlan {
    /// A batch whose run lasts until its last sub-job ends, plus a few seconds to settle.
    /// Sub-jobs are created when the batch leaves `INIT`.
    static func batch(
        service: Service = .bms, id: String, type: String, createdAt: Double, initFor: Double,
        attributes: [OrderedJSON.Member] = [], subJobs: [JobPlan], failure: Outcome
    ) -> JobPlan {
        let runsFrom = createdAt + initFor
        let lastEnd = subJobs.map(\.endsAt).max() ?? runsFrom
        let anyFailed = subJobs.contains { if case .fail = $0.outcome { true } else { false } }
        return JobPlan(
            service: service, id: id, type: type, createdAt: createdAt, initFor: initFor,
            runFor: max(0, lastEnd - runsFrom) + 3,
            outcome: anyFailed ? failure : .success,
            attributes: attributes, subJobs: subJobs
        )
    }
}
