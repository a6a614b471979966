import Foundation
import JobModel

/// CCE's `GET /api/v3/projects/{project_id}/jobs/{job_id}`: a Kubernetes-style object,
/// `{metadata: {uid, creationTimestamp, updateTimestamp}, spec: {type, resourceName, subJobs},
/// status: {phase, reason}}`, whose sub-jobs are whole jobs again, nested to any depth.
enum CCEDialect: JobDialect {
    static func job(bytes: UnsafeBufferPointer<UInt8>, words: [String: JobStatus.Outcome]) throws(JSONScanner.Unsure) -> Job? {
        var reader = CCEReader(bytes, words: words)
        return try reader.topLevelJob()
    }

    static func job(from json: JSONValue, words: [String: JobStatus.Outcome]) throws(JobDecodingProblem) -> Job {
        guard json["status"]?["phase"]?.text != nil else { throw .missingStatus }
        return Job(cce: json, words: words, depth: 0)
    }
}

extension Job {
    /// Sub-jobs deeper than this are dropped: a body nested without end is not a job tree.
    static let cceMaxDepth = 16

    init(cce json: JSONValue, words: [String: JobStatus.Outcome], depth: Int) {
        let metadata = json["metadata"]
        let spec = json["spec"]
        let status = JobStatus(raw: json["status"]?["phase"]?.text ?? "", words: words)
        var subJobs: [Job] = []
        if depth < Self.cceMaxDepth, case .array(let items)? = spec?["subJobs"] {
            subJobs = items.compactMap { item in
                guard case .object = item else { return nil }
                return Job(cce: item, words: words, depth: depth + 1)
            }
        }
        var attributes: [EntityAttribute] = []
        for (key, name) in [("resourceName", "resource_name"), ("resourceID", "resource_id"), ("clusterUID", "cluster_id")] {
            if let value = spec?[key]?.text { attributes.append(EntityAttribute(key: name, value: value)) }
        }
        if let extend = spec?["extendParam"]?.objectValue {
            for key in extend.keys.sorted() {
                if let value = extend[key]?.text { attributes.append(EntityAttribute(key: key, value: value)) }
            }
        }
        self.init(
            id: metadata?["uid"]?.text,
            type: spec?["type"]?.text,
            status: status,
            beginTime: JobTimestamp.parse(metadata?["creationTimestamp"]?.text),
            // CCE has no end time: its last update is the end once the job is finished.
            endTime: status.isTerminal ? JobTimestamp.parse(metadata?["updateTimestamp"]?.text) : nil,
            // `status.message` is only in the golang-sdk (UNVERIFIED): used when no reason is given.
            failReason: Self.cceWords(json["status"]?["reason"]) ?? Self.cceWords(json["status"]?["message"]),
            entities: JobEntities(subJobs: subJobs, attributes: attributes)
        )
    }

    /// A text field that says something: a string, not blank (`"reason": ""` while running).
    static func cceWords(_ json: JSONValue?) -> String? {
        guard case .string(let text)? = json, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return text
    }
}
