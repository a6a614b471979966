import Foundation
import JobModel
import JobAPI
import Logging

/// A swift-log handler that appends lines to a file (`--log-file`): the dashboard owns the
/// terminal, so logs never go there. Every line passes through the redactor first.
public struct FileLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String
    private let sink: Sink
    private let redact: @Sendable (String) -> String

    /// Opens (creating, mode 0600) the file for appending.
    public static func opening(path: String, redact: @escaping @Sendable (String) -> String) throws -> @Sendable (String) -> FileLogHandler {
        let sink = try Sink(path: path)
        return { label in FileLogHandler(label: label, sink: sink, redact: redact) }
    }

    private init(label: String, sink: Sink, redact: @escaping @Sendable (String) -> String) {
        self.label = label
        self.sink = sink
        self.redact = redact
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let line = "\(JobTimestamp.format(Date())) \(event.level) \(label): \(event.message)\(fields.isEmpty ? "" : " \(fields)")"
        sink.append(redact(line) + "\n")
    }

    /// One open file shared by every logger; writes are serialised by a lock.
    final class Sink: @unchecked Sendable {
        // Safety: `handle` is only touched while holding `lock`.
        private let lock = NSLock()
        private let handle: FileHandle

        init(path: String) throws {
            if !FileManager.default.fileExists(atPath: path) {
                guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
                }
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.seekToEnd()
        }

        func append(_ text: String) {
            lock.lock()
            defer { lock.unlock() }
            try? handle.write(contentsOf: Data(text.utf8))
        }
    }
}

