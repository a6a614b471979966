import Foundation
import JobModel

/// Finding rows whose IDs, labels, services or reasons contain a text (case-insensitive). A scan of the
/// whole tree, done only when a search is confirmed or `n`/`N` is pressed.
enum Search {
    /// Matches in tree order, among the rows the filter lets through (folded ones included).
    static func matches(_ text: String, _ snapshot: Snapshot, filter: Filter) -> [NodeRef] {
        guard !text.isEmpty else { return [] }
        func hit(_ candidates: String?...) -> Bool {
            candidates.contains { $0?.range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
        }
        var found: [NodeRef] = []
        for (j, state) in snapshot.jobs.enumerated() {
            let passing = filter.picksSubJobs ? snapshot.passingSubJobs(j, filter) : nil
            if let passing, passing.isEmpty, !snapshot.jobPassesItself(j, filter) { continue }
            if passing == nil, !snapshot.jobPassesItself(j, filter) { continue }
            let job = state.job
            let service = state.key.service
            if hit(state.key.jobID, state.entry.label, job.map { JobTitle.describe($0, service: service, resources: state.resources) }, job?.type, job?.failureReason, state.lastError?.message, service.name, service.tag) {
                found.append(NodeRef(job: j))
            }
            let jobRef = NodeRef(job: j)
            func hitResource(_ id: String) -> Bool {
                guard let resource = state.resources[id] else { return false }
                return hit(resource.name, resource.fixedAddress, resource.floatingAddress)
            }
            for (e, attribute) in snapshot.entities(under: jobRef).enumerated() where hit(attribute.value) || hitResource(attribute.value) {
                found.append(NodeRef(job: j, entity: e))
            }
            let subs = snapshot.subJobs(of: j)
            for s in passing ?? Array(subs.indices) {
                let sub = subs[s]
                if hit(sub.id, sub.label, sub.type, sub.failureReason, sub.failureCode) || ResourceReference.named(by: sub).contains(where: { hitResource($0.id) }) {
                    found.append(NodeRef(job: j, subJob: s))
                }
                for (e, attribute) in sub.entities.attributes.enumerated() where hit(attribute.value) || hitResource(attribute.value) {
                    found.append(NodeRef(job: j, subJob: s, entity: e))
                }
            }
        }
        return found
    }

    /// The first match after `current` in tree order (before it when `backwards`), wrapping round.
    static func next(after current: NodeRef?, in matches: [NodeRef], backwards: Bool, includingCurrent: Bool = false) -> NodeRef? {
        guard !matches.isEmpty else { return nil }
        guard let current else { return backwards ? matches.last : matches.first }
        let key = order(current)
        if backwards {
            return matches.last { includingCurrent ? order($0) <= key : order($0) < key } ?? matches.last
        }
        return matches.first { includingCurrent ? order($0) >= key : order($0) > key } ?? matches.first
    }

    /// Tree order: a job, its entities, then each sub-job followed by its entities.
    private static func order(_ ref: NodeRef) -> (Int, Int, Int) {
        (ref.job, ref.subJob ?? -1, ref.entity ?? -1)
    }
}
