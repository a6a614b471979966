import Foundation

/// `jobwatch simulator --request-log FILE`: one line per request received, appended as it is
/// answered — `<unix time> <status> <method> <path>` — so a script counts what every client
/// asked, at the server, over any span of time (scripts/bench-windows).
public final class RequestLog: Sendable {
    private let descriptor: Int32

    /// Opens `path` for appending (created 0600 if absent).
    public init?(path: String) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    func record(at time: Date, status: Int, method: String, path: String) {
        let line = "\(String(format: "%.3f", time.timeIntervalSince1970)) \(status) \(method) \(path)\n"
        // One write(2) of O_APPEND per line: lines of concurrent requests never interleave.
        _ = line.utf8CString.withUnsafeBufferPointer { buffer in
            write(descriptor, buffer.baseAddress, buffer.count - 1)
        }
    }
}
