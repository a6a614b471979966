import Foundation
import JobModel
import JobEngine

/// Follows a jobs file as a rollout script appends to it (`--jobs-file`), like `tail -F`:
/// only complete lines are read; a file replaced or truncated is read again from the start.
/// A FIFO is read as a stream: writers may come and go (`echo ID > fifo`), none blocks.
public struct JobsFileFollower: Sendable {
    public let path: String
    public let pollEvery: Duration
    /// A job ID and a label fit in far less; a longer line is reported once, by its number.
    public static let maxLineBytes = 4096

    public init(path: String, pollEvery: Duration = .seconds(1)) {
        self.path = path
        self.pollEvery = pollEvery
    }

    /// What a read found: new job IDs, a line that is not one (reported, then skipped), or a
    /// line that names no job yet (an order awaiting payment).
    public enum Update: Sendable, Hashable {
        case jobs([JobReference])
        case problem(String)
        case notice(String)
    }

    /// New job IDs as they appear. The first element holds what the file has now; it is an
    /// error for the file not to exist at start (a typo must not wait forever), or to be a
    /// directory or a device (it would watch nothing, or read without end).
    public func updates(clock: EngineClock) throws(JobReference.Problem) -> AsyncStream<Update> {
        let isFIFO: Bool
        switch FileOptionCheck.kind(of: path) {
        case .missing:
            throw JobReference.Problem(description: "--jobs-file \(path): no such file — create it first (it may be empty), or fix the path")
        case .fifo:
            isFIFO = true
        default:
            do { try FileOptionCheck.readable(path, option: "--jobs-file", allowFIFO: true) } catch {
                throw JobReference.Problem(description: error.description)
            }
            isFIFO = false
        }
        let path = self.path
        let pollEvery = self.pollEvery
        return AsyncStream { continuation in
            let task = Task {
                var reader = Reader(path: path, isFIFO: isFIFO)
                while !Task.isCancelled {
                    for update in reader.poll() { continuation.yield(update) }
                    do { try await clock.sleep(for: pollEvery) } catch { break }
                }
                reader.stop()
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Reads what was appended since the last poll.
    struct Reader {
        let path: String
        let isFIFO: Bool
        var offset: UInt64 = 0
        var identity: UInt64?
        var lines = LineSplitter(maxLineBytes: JobsFileFollower.maxLineBytes)
        /// The file has shown a log line (`JobLogLine`): only job queries count, the rest is skipped.
        var isLog = false
        /// The FIFO, opened without blocking so that a writer's open succeeds at once.
        var fifo: Int32 = -1
        /// A write end of our own: while it is open, a writer closing the FIFO is not an end of
        /// file, and there is no moment without a reader in which a writer would get EPIPE.
        var keepOpen: Int32 = -1

        init(path: String, isFIFO: Bool = false) {
            self.path = path
            self.isFIFO = isFIFO
        }

        mutating func poll() -> [Update] {
            isFIFO ? pollFIFO() : pollFile()
        }

        mutating func stop() {
            if fifo >= 0 { _ = close(fifo) }
            if keepOpen >= 0 { _ = close(keepOpen) }
            fifo = -1
            keepOpen = -1
        }

        private mutating func pollFile() -> [Update] {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return [] }
            let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
            let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
            if inode != identity || size < offset {
                // Replaced or truncated: start over.
                identity = inode
                offset = 0
                isLog = false
                lines = LineSplitter(maxLineBytes: JobsFileFollower.maxLineBytes)
            }
            guard size > offset, let handle = FileHandle(forReadingAtPath: path) else { return [] }
            defer { try? handle.close() }
            try? handle.seek(toOffset: offset)
            let data = (try? handle.readToEnd()) ?? Data()
            offset += UInt64(data.count)
            return updates(lines.append(data))
        }

        private mutating func pollFIFO() -> [Update] {
            if fifo < 0 {
                fifo = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
                if fifo >= 0 { keepOpen = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC) }
            }
            guard fifo >= 0 else { return [] }
            var found: [LineSplitter.Line] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fifo, $0.baseAddress, $0.count) }
                if count > 0 {
                    found += lines.append(Data(buffer[0..<count]))
                } else {
                    // EAGAIN: nothing more for now. 0 (end of file, only if our own write
                    // end could not be opened): open it again for the next writer.
                    if count == 0 { stop() }
                    break
                }
            }
            return updates(found)
        }

        private mutating func updates(_ found: [LineSplitter.Line]) -> [Update] {
            var updates: [Update] = []
            var items: [JobReference] = []
            for line in found {
                switch line {
                case .text(let number, let text):
                    do {
                        let parsed = try JobIDText.parse(text, source: "\(path):\(number)", numberLines: false, isLog: &isLog)
                        items += parsed.items
                        updates += parsed.notices.map { Update.notice("\(path):\(number): \($0)") }
                    } catch {
                        updates.append(.problem(error.description))
                    }
                case .tooLong(let number):
                    // A log's response bodies run long: only a jobs file's line is wrong so.
                    guard !isLog else { continue }
                    updates.append(.problem("\(path):\(number): line is longer than \(JobsFileFollower.maxLineBytes) bytes — one job ID per line, optionally followed by a label"))
                }
            }
            if !items.isEmpty { updates.insert(.jobs(items), at: 0) }
            return updates
        }
    }
}
