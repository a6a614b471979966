import Foundation
import JobModel

/// The engine's sense of time, built from any `Clock` so tests run on virtual time.
///
/// Scheduling uses `elapsed` (monotonic, from the clock); what is shown to people uses `date`,
/// which is the wall-clock time at start plus the clock's elapsed time, so both move together
/// under a test clock.
public struct EngineClock: Sendable {
    private let elapsedNow: @Sendable () -> Duration
    private let sleeper: @Sendable (Duration) async throws -> Void
    private let deadlineSleeper: @Sendable (Duration) async throws -> Void
    private let wallNow: @Sendable () -> Date
    private let startDate: Date

    /// A clock whose wall time is `startDate` plus the clock's elapsed time (virtual time in tests).
    public init<C: Clock>(_ clock: C, startDate: Date = Date()) where C.Duration == Duration {
        let start = clock.now
        let elapsedNow: @Sendable () -> Duration = { start.duration(to: clock.now) }
        self.init(clock, start: start, elapsedNow: elapsedNow, wallNow: { startDate.addingTimeInterval(elapsedNow().seconds) }, startDate: startDate)
    }

    private init<C: Clock>(_ clock: C, start: C.Instant, elapsedNow: @escaping @Sendable () -> Duration, wallNow: @escaping @Sendable () -> Date, startDate: Date) where C.Duration == Duration {
        self.elapsedNow = elapsedNow
        self.sleeper = { duration in try await clock.sleep(until: clock.now.advanced(by: duration), tolerance: nil) }
        self.deadlineSleeper = { deadline in try await clock.sleep(until: start.advanced(by: deadline), tolerance: nil) }
        self.wallNow = wallNow
        self.startDate = startDate
    }

    /// The real clock; wall time is the system's (what `X-Sdk-Date` must carry).
    public static var continuous: EngineClock {
        let clock = ContinuousClock()
        let start = clock.now
        return EngineClock(clock, start: start, elapsedNow: { start.duration(to: clock.now) }, wallNow: { Date() }, startDate: Date())
    }

    /// Time since the engine started.
    public var elapsed: Duration { elapsedNow() }

    /// Wall-clock time now, as the engine sees it.
    public var date: Date { wallNow() }

    public func sleep(for duration: Duration) async throws {
        try await sleeper(duration)
    }

    /// Sleeps until `elapsed` reaches `deadline`; returns at once if it has. A sleeper that
    /// starts late still wakes at its deadline (on a test clock, "1 ms more" would wait for the
    /// test's next step).
    public func sleep(untilElapsed deadline: Duration) async throws {
        // A test clock holds a sleep until the instant it is at until it moves again.
        guard elapsed < deadline else { return try Task.checkCancellation() }
        try await deadlineSleeper(deadline)
    }
}

