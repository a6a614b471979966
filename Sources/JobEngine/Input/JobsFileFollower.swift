import Foundation
import JobModel

/// Follows a jobs file as a rollout script appends to it (`--jobs-file`), like `tail -F`:
/// only complete lines are read; a file replaced or truncated is read again from the start.
public struct JobsFileFollower: Sendable {
    public let path: String
    public let pollEvery: Duration

    public init(path: String, pollEvery: Duration = .seconds(1)) {
        self.path = path
        self.pollEvery = pollEvery
    }

    /// What a read found: new job IDs, or a line that is not one (reported, then skipped).
    public enum Update: Sendable, Hashable {
        case jobs([JobIDText.Item])
        case problem(String)
    }

    /// New job IDs as they appear. The first element holds what the file has now; it is an
    /// error for the file not to exist at start (a typo must not wait forever).
    public func updates(clock: EngineClock) throws(JobIDText.Problem) -> AsyncStream<Update> {
        guard FileManager.default.fileExists(atPath: path) else {
            throw JobIDText.Problem(description: "--jobs-file \(path): no such file — create it first (it may be empty), or fix the path")
        }
        let path = self.path
        let pollEvery = self.pollEvery
        return AsyncStream { continuation in
            let task = Task {
                var reader = Reader(path: path)
                while !Task.isCancelled {
                    for update in reader.poll() { continuation.yield(update) }
                    do { try await clock.sleep(for: pollEvery) } catch { break }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Reads what was appended since the last poll.
    struct Reader {
        let path: String
        var offset: UInt64 = 0
        var identity: UInt64?
        var lineNumber = 0
        var pending = Data()

        init(path: String) {
            self.path = path
        }

        mutating func poll() -> [Update] {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return [] }
            let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
            let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
            if inode != identity || size < offset {
                // Replaced or truncated: start over.
                identity = inode
                offset = 0
                lineNumber = 0
                pending = Data()
            }
            guard size > offset, let handle = FileHandle(forReadingAtPath: path) else { return [] }
            defer { try? handle.close() }
            try? handle.seek(toOffset: offset)
            let data = (try? handle.readToEnd()) ?? Data()
            offset += UInt64(data.count)
            pending.append(data)
            guard let lastNewline = pending.lastIndex(of: UInt8(ascii: "\n")) else { return [] }
            let complete = pending[pending.startIndex...lastNewline]
            pending = Data(pending[pending.index(after: lastNewline)...])
            var updates: [Update] = []
            var items: [JobIDText.Item] = []
            for line in String(decoding: complete, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                lineNumber += 1
                do {
                    items += try JobIDText.parse(String(line), source: "\(path):\(lineNumber)", numberLines: false)
                } catch {
                    updates.append(.problem(error.description))
                }
            }
            if !items.isEmpty { updates.insert(.jobs(items), at: 0) }
            return updates
        }
    }
}
