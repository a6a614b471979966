import Foundation
import JobModel
import JobAPI

/// How long jobs usually take, learnt from what finished, with defaults for a cold start.
struct TypicalDurations: Sendable {
    /// The last 200 of each type, in the order learnt.
    private var byType: [String: [TimeInterval]] = [:]
    /// The same, sorted: a median is read on every answer and every snapshot, learnt far less.
    private var sortedByType: [String: [TimeInterval]] = [:]

    mutating func learn(from job: Job) {
        for sub in job.subJobs { learnOne(sub) }
        learnOne(job)
    }

    private mutating func learnOne(_ job: Job) {
        guard job.status == .success, let type = job.type,
              let begin = job.beginTime, let end = job.endTime, end >= begin else { return }
        let duration = end.timeIntervalSince(begin)
        byType[type, default: []].append(duration)
        sortedByType[type, default: []].insertSorted(duration)
        if byType[type]!.count > 200 {
            sortedByType[type]!.removeSorted(byType[type]!.removeFirst())
        }
    }

    /// Runs of a type it takes before their median may be longer than the documented figure.
    static let runsToTrustLonger = 3

    /// The median of finished jobs of this type, else the default for the type.
    ///
    /// Until `runsToTrustLonger` runs are learnt, a median longer than the documented figure
    /// is not believed: one stuck run that finally succeeded (yesterday's 3-hour reinstall)
    /// would make today's stuck job look normal. Shorter runs are believed at once; they only
    /// make jobwatch ask sooner.
    func typical(for type: String?) -> TimeInterval? {
        guard let type else { return nil }
        let documented = JobKind.kind(of: type)?.typical
        guard let seen = sortedByType[type], !seen.isEmpty else { return documented }
        let median = Median.ofSorted(seen)
        guard seen.count < Self.runsToTrustLonger, let documented else { return median }
        return min(median, documented)
    }

    /// Typical duration of a batch's sub-jobs by type: finished siblings of the same type
    /// first, else the type's. By type, since a CCE cluster's sub-jobs (certificates in
    /// seconds, the control plane in minutes) are not alike as a BMS batch's are.
    func typicalSubJobs(in job: Job) -> [String: TimeInterval] {
        var finished: [String: [TimeInterval]] = [:]
        for sub in job.subJobs {
            guard sub.status == .success, let b = sub.beginTime, let e = sub.endTime, e >= b else { continue }
            finished[sub.type ?? "", default: []].append(e.timeIntervalSince(b))
        }
        var result = finished.mapValues(Median.of)
        for type in Set(job.subJobs.map { $0.type ?? "" }) where result[type] == nil {
            result[type] = typical(for: type)
        }
        return result
    }
}

enum Median {
    static func of(_ values: [Double]) -> Double {
        ofSorted(values.sorted())
    }

    static func ofSorted(_ sorted: [Double]) -> Double {
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
