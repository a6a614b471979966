import Foundation
import JobModel

/// What a stream says about snapshots besides transitions, each once: a job's read problem
/// when it starts (not per retry), a throttle, everything done; and, on stderr, clock skew and
/// a state file that cannot be saved.
public struct SnapshotNotices: Sendable {
    public var json: Bool
    public var allDoneNotice: (@Sendable (Snapshot) -> String)?
    private var problems: [JobKey: String] = [:]
    private var throttledUntil: Date?
    private var wasAllDone = false
    private var warnedSkew = false
    private var warnedSave: String?
    private var warnedNames: Set<String> = []

    public init(json: Bool, allDoneNotice: (@Sendable (Snapshot) -> String)?) {
        self.json = json
        self.allDoneNotice = allDoneNotice
    }

    /// The same problem again (another retry) has the same signature and is not repeated.
    static func signature(_ state: JobState) -> String? {
        switch state.health {
        case .notFound, .authStopped, .routeStopped: return "\(state.health)"
        case .pending, .stale, .purged:
            guard let error = state.lastError else { return nil }
            return "\(state.health) \(error.kind) \(error.httpStatus ?? 0) \(error.code ?? "")"
        case .fresh, .detached: return nil
        }
    }

    public mutating func lines(for snapshot: Snapshot) -> [String] {
        var out: [String] = []
        // Only jobs with a problem have a signature (`hasReadProblem`): the others are not read.
        var troubled: Set<JobKey> = []
        for index in snapshot.digest.troubled {
            let state = snapshot.jobs[index]
            troubled.insert(state.key)
            guard let signature = Self.signature(state), signature != problems[state.key] else { continue }
            // A throttle is one line for the endpoint, not one per job.
            if state.lastError?.category != .throttled {
                out.append(json
                    ? JSONReport.problemLine(state, now: snapshot.takenAt)
                    : TransitionText.problem(state, error: state.lastError, now: snapshot.takenAt))
            }
            problems[state.key] = signature
        }
        if problems.count > troubled.count { problems = problems.filter { troubled.contains($0.key) } }
        if let until = snapshot.throttledUntil {
            if throttledUntil == nil || until > throttledUntil!.addingTimeInterval(1) {
                out.append(json
                    ? JSONReport.throttleLine(until: until, askedFor: snapshot.throttleAskedFor, now: snapshot.takenAt)
                    : TransitionText.throttled(until: until, askedFor: snapshot.throttleAskedFor, now: snapshot.takenAt))
            }
            throttledUntil = until
        } else {
            throttledUntil = nil
        }
        if snapshot.isAllDone, !wasAllDone, let allDoneNotice { out.append(allDoneNotice(snapshot)) }
        wasAllDone = snapshot.isAllDone
        return out
    }

    public mutating func warnings(for snapshot: Snapshot) -> [String] {
        var out: [String] = []
        if snapshot.clockSkewWarning, !warnedSkew, let skew = snapshot.clockSkew {
            warnedSkew = true
            out.append(ClockSkewText.warning(skew))
        }
        if let problem = snapshot.stateSaveProblem, warnedSave == nil {
            out.append("state not saved: \(problem) (jobwatch keeps trying every 30s)")
        }
        warnedSave = snapshot.stateSaveProblem
        for notice in snapshot.nameNotices where !warnedNames.contains(notice) {
            warnedNames.insert(notice)
            out.append(notice)
        }
        return out
    }
}
