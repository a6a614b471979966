import Foundation
import Synchronization

/// Virtual time that moves only when a test moves it, one sleeper's deadline at a time, and
/// waits at each deadline for the code under test to finish what that instant started.
/// (swift-clocks' `TestClock` moves on after a few yields: under load a wake-up could land at
/// the end of the step instead of at its deadline, so two runs of the same plan differed.)
final class VirtualClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration

        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (a: Instant, b: Instant) -> Bool { a.offset < b.offset }
    }

    private struct Sleeper {
        let deadline: Instant
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now = Instant(offset: .zero)
        var sleepers: [UUID: Sleeper] = [:]
    }

    private let state = Mutex(State())

    var now: Instant { state.withLock { $0.now } }
    var minimumResolution: Duration { .zero }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                // Under the lock, so a cancellation either sees the sleeper or is seen here.
                let wakeNow: Result<Void, any Error>? = state.withLock { state in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if deadline <= state.now { return .success(()) }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return nil
                }
                if let wakeNow { continuation.resume(with: wakeNow) }
            }
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Waits (a real-time `limit` at most) until something sleeps until `deadline`: a timer
    /// task that has not started yet would otherwise be passed by the next step.
    func waitForSleeper(until deadline: Instant, limit: Duration = .seconds(5)) async {
        await waitInRealTime(atMost: limit) {
            state.withLock { $0.sleepers.values.contains { $0.deadline == deadline } || $0.now >= deadline }
        }
    }

    /// Moves time on by `duration`: to each sleeper's deadline in turn, waking it and then
    /// waiting for `settle`, and last to the end.
    func advance(by duration: Duration, settle: () async -> Void) async {
        let end = now.advanced(by: duration)
        while true {
            let due: [CheckedContinuation<Void, any Error>]? = state.withLock { state in
                guard let next = state.sleepers.values.map(\.deadline).min(), next <= end else { return nil }
                state.now = next
                let ready = state.sleepers.filter { $0.value.deadline <= next }
                for id in ready.keys { state.sleepers[id] = nil }
                return ready.values.map(\.continuation)
            }
            guard let due else { break }
            for continuation in due { continuation.resume() }
            await settle()
        }
        state.withLock { $0.now = max($0.now, end) }
        await settle()
    }
}
