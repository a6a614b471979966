import Foundation
import JobModel
import JobAPI

/// When a one-shot read (`jobwatch get`) has its answer for a job: it is read, or it failed in
/// a way another request will not change, or it was retried enough. `get` answers within
/// seconds whatever the server does; `wait` and the dashboard keep trying instead.
public enum OneShotRead {
    /// Quick retries of a failure worth retrying (429, 5xx, 408, timeouts, resets).
    public static let retries = 2
    /// The longest pause between them (the engine's backoff cap while `get` runs).
    public static let backoffCap: Duration = .seconds(2)

    /// How long `get` waits for names once every job has its answer: names must not hold the
    /// answer (`--names wait` waits up to the timeout instead).
    public static let nameGrace: Duration = .seconds(2)

    /// Until when `get` waits for names, once every job has its answer at `settledAt`.
    public static func namesDeadline<I: InstantProtocol>(settledAt: I, deadline: I, waitForNames: Bool) -> I where I.Duration == Duration {
        waitForNames ? deadline : min(settledAt.advanced(by: nameGrace), deadline)
    }

    /// - Parameter deadline: when `get` stops waiting; a retry due later will not happen.
    public static func isSettled(_ state: JobState, deadline: Date) -> Bool {
        if state.readAt != nil || state.isSettled { return true }
        guard let error = state.lastError else { return false }
        if givesUp(on: error, failedAttempts: state.failedAttempts) { return true }
        if let next = state.nextPollAt, next > deadline { return true }
        return false
    }

    /// Another request will not change the answer, or the retries are spent: the engine asks
    /// no more and `get` reports what it has.
    public static func givesUp(on error: APIError, failedAttempts: Int) -> Bool {
        !error.isWorthRetrying || failedAttempts > retries
    }
}
