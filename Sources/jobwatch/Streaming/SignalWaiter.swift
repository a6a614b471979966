import Dispatch
import Foundation
import JobModel

/// Turns SIGINT/SIGTERM/SIGHUP into an awaitable event for the streaming commands, so they can
/// print what is known before exiting with 128 + the signal's number (130, 143, 129).
enum SignalWaiter {
    /// The signal that arrived; `nil` when the waiting task was cancelled first.
    static func waitForSignal() async -> Int32? {
        await Installed().wait()
    }

    /// The handlers, in place from `init` on: a signal that comes before `wait()` is kept.
    final class Installed {
        private let stream: AsyncStream<Int32>
        private let continuation: AsyncStream<Int32>.Continuation
        private let sources: [any DispatchSourceSignal]

        init() {
            (stream, continuation) = AsyncStream.makeStream(of: Int32.self, bufferingPolicy: .bufferingNewest(1))
            let continuation = continuation
            sources = [SIGINT, SIGTERM, SIGHUP].map { number -> any DispatchSourceSignal in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { continuation.yield(number) }
                source.resume()
                return source
            }
        }

        func wait() async -> Int32? {
            let (stream, continuation, sources) = (stream, continuation, sources)
            let received = await withTaskCancellationHandler {
                var first: Int32?
                for await number in stream {
                    first = number
                    break
                }
                return first
            } onCancel: {
                continuation.finish()
            }
            for source in sources { source.cancel() }
            return received
        }
    }

    static func name(_ number: Int32) -> String {
        switch number {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        default: "signal \(number)"
        }
    }
}
