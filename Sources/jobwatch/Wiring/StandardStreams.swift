import Foundation

/// Every write of every command to standard output and standard error.
///
/// Foundation's `FileHandle.write(_:)` traps when a write fails, and a reader that has gone
/// away (`jobwatch wait … | head -1`) makes every write fail with EPIPE. Such a reader gets what
/// it expects of any Unix filter instead: the process ends by SIGPIPE (141 to the shell); the
/// engine saved the state file within the last two seconds. Any other failure to write
/// (a full disk behind `> file`) is one line on stderr and exit 74.
enum StandardStreams {
    static func out(_ data: Data) {
        do {
            try FileHandle.standardOutput.write(contentsOf: data)
        } catch {
            if Self.isBrokenPipe(error) {
                signal(SIGPIPE, SIG_DFL)
                raise(SIGPIPE)
            }
            err(Data("jobwatch: cannot write to standard output (\(error.localizedDescription)) — check where it goes (a full disk, a closed file)\n".utf8))
            exit(74)
        }
    }

    static func out(_ text: String) { out(Data(text.utf8)) }

    /// Nowhere to report a failure to report: it is left at that.
    static func err(_ data: Data) {
        try? FileHandle.standardError.write(contentsOf: data)
    }

    static func err(_ text: String) { err(Data(text.utf8)) }

    private static func isBrokenPipe(_ error: any Error) -> Bool {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain, error.code == Int(EPIPE) { return true }
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        return underlying?.domain == NSPOSIXErrorDomain && underlying?.code == Int(EPIPE)
    }
}
