import Foundation
import JobModel

/// `CCEDialect` straight from the bytes: `metadata`, `spec` (its `subJobs` whole jobs again,
/// to `Job.cceMaxDepth`) and `status` read in one pass, whatever their order. What it does not
/// read the same way as the dialect (see `JSONScanner`) it hands back with `Unsure`.
struct CCEReader {
    private var scanner: JSONScanner
    private let words: [String: JobStatus.Outcome]

    init(_ bytes: UnsafeBufferPointer<UInt8>, words: [String: JobStatus.Outcome]) {
        scanner = JSONScanner(bytes)
        self.words = words
    }

    /// The whole body's job, or `nil` when it has no `status.phase`.
    mutating func topLevelJob() throws(JSONScanner.Unsure) -> Job? {
        guard try scanner.kind() == .object else { throw JSONScanner.Unsure() }
        let (job, phase) = try readJob(depth: 0)
        try scanner.finish()
        return phase == nil ? nil : job
    }

    /// The fields of one job, as they come.
    private struct Fields {
        var uid, type, phase, created, updated: String?
        var reason, message: String?
        var resourceName, resourceID, clusterUID: String?
        var extend: [(key: String, value: String)] = []
        var subJobs: [Job] = []
    }

    /// A job object (`{` is next), and its phase.
    private mutating func readJob(depth: Int) throws(JSONScanner.Unsure) -> (Job, phase: String?) {
        var fields = Fields()
        try object { (reader: inout CCEReader, key: String) throws(JSONScanner.Unsure) -> Bool in
            switch key {
            case "metadata": try reader.metadata(into: &fields)
            case "spec": try reader.spec(into: &fields, depth: depth)
            case "status": try reader.status(into: &fields)
            default: return false
            }
            return true
        }
        let status = JobStatus(raw: fields.phase ?? "", words: words)
        var attributes: [EntityAttribute] = []
        for (name, value) in [("resource_name", fields.resourceName), ("resource_id", fields.resourceID), ("cluster_id", fields.clusterUID)] {
            if let value { attributes.append(EntityAttribute(key: name, value: value)) }
        }
        for (key, value) in fields.extend.sorted(by: { $0.key < $1.key }) {
            attributes.append(EntityAttribute(key: key, value: value))
        }
        let job = Job(
            id: fields.uid,
            type: fields.type,
            status: status,
            beginTime: JobTimestamp.parse(fields.created),
            // CCE has no end time: its last update is the end once the job is finished.
            endTime: status.isTerminal ? JobTimestamp.parse(fields.updated) : nil,
            failReason: fields.reason ?? fields.message,
            entities: JobEntities(subJobs: fields.subJobs, attributes: attributes)
        )
        return (job, fields.phase)
    }

    private mutating func metadata(into fields: inout Fields) throws(JSONScanner.Unsure) {
        try objectOrSkip { (reader: inout CCEReader, key: String) throws(JSONScanner.Unsure) -> Bool in
            switch key {
            case "uid": fields.uid = try reader.scanner.readText()
            case "creationTimestamp": fields.created = try reader.scanner.readText()
            case "updateTimestamp": fields.updated = try reader.scanner.readText()
            default: return false
            }
            return true
        }
    }

    private mutating func spec(into fields: inout Fields, depth: Int) throws(JSONScanner.Unsure) {
        try objectOrSkip { (reader: inout CCEReader, key: String) throws(JSONScanner.Unsure) -> Bool in
            switch key {
            case "type": fields.type = try reader.scanner.readText()
            case "resourceName": fields.resourceName = try reader.scanner.readText()
            case "resourceID": fields.resourceID = try reader.scanner.readText()
            case "clusterUID": fields.clusterUID = try reader.scanner.readText()
            case "extendParam": fields.extend = try reader.extendParam()
            case "subJobs": fields.subJobs = try reader.subJobs(depth: depth)
            default: return false
            }
            return true
        }
    }

    private mutating func status(into fields: inout Fields) throws(JSONScanner.Unsure) {
        try objectOrSkip { (reader: inout CCEReader, key: String) throws(JSONScanner.Unsure) -> Bool in
            switch key {
            case "phase": fields.phase = try reader.scanner.readText()
            case "reason": fields.reason = try reader.sayingText()
            case "message": fields.message = try reader.sayingText()
            default: return false
            }
            return true
        }
    }

    /// `Job.cceWords`: a string that says something, else `nil`.
    private mutating func sayingText() throws(JSONScanner.Unsure) -> String? {
        guard try scanner.kind() == .string else {
            try scanner.skipValue()
            return nil
        }
        return Job.cceWords(.string(try scanner.readString()))
    }

    private mutating func extendParam() throws(JSONScanner.Unsure) -> [(key: String, value: String)] {
        guard try scanner.kind() == .object else {
            try scanner.skipValue()
            return []
        }
        var pairs: [(key: String, value: String)] = []
        var keys: Set<String> = []
        try scanner.enter()
        var first = true
        while let key = try scanner.nextKey(&first) {
            let name = scanner.string(key)
            guard keys.insert(name).inserted else { throw JSONScanner.Unsure() }
            if let value = try scanner.readText() { pairs.append((name, value)) }
        }
        return pairs
    }

    /// Objects of an array, read as jobs while not too deep (then skipped, still checked).
    private mutating func subJobs(depth: Int) throws(JSONScanner.Unsure) -> [Job] {
        guard depth < Job.cceMaxDepth, try scanner.kind() == .array else {
            try scanner.skipValue()
            return []
        }
        var jobs: [Job] = []
        try scanner.enter()
        var first = true
        while try scanner.nextElement(&first) {
            if try scanner.kind() == .object {
                jobs.append(try readJob(depth: depth + 1).0)
            } else {
                try scanner.skipValue()
            }
        }
        return jobs
    }

    // MARK: - Objects

    /// Each key of an object (`{` is next) to `read`, which reads its value and says whether the
    /// key was one it knows (else the value is skipped); a known key twice is `Unsure`.
    private mutating func object(
        _ read: (inout CCEReader, String) throws(JSONScanner.Unsure) -> Bool
    ) throws(JSONScanner.Unsure) {
        var known: [String] = []
        try scanner.enter()
        var first = true
        while let key = try scanner.nextKey(&first) {
            let name = scanner.string(key)
            if known.contains(name) { throw JSONScanner.Unsure() }
            if try read(&self, name) {
                known.append(name)
            } else {
                try scanner.skipValue()
            }
        }
    }

    /// `object`, when the value is one; any other value holds none of the fields.
    private mutating func objectOrSkip(
        _ read: (inout CCEReader, String) throws(JSONScanner.Unsure) -> Bool
    ) throws(JSONScanner.Unsure) {
        guard try scanner.kind() == .object else {
            try scanner.skipValue()
            return
        }
        try object(read)
    }
}
