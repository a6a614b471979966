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
    private let wallNow: @Sendable () -> Date
    private let startDate: Date

    /// A clock whose wall time is `startDate` plus the clock's elapsed time (virtual time in tests).
    public init<C: Clock>(_ clock: C, startDate: Date = Date()) where C.Duration == Duration {
        let start = clock.now
        let elapsedNow: @Sendable () -> Duration = { start.duration(to: clock.now) }
        self.init(clock, elapsedNow: elapsedNow, wallNow: { startDate.addingTimeInterval(elapsedNow().seconds) }, startDate: startDate)
    }

    private init<C: Clock>(_ clock: C, elapsedNow: @escaping @Sendable () -> Duration, wallNow: @escaping @Sendable () -> Date, startDate: Date) where C.Duration == Duration {
        self.elapsedNow = elapsedNow
        self.sleeper = { duration in try await clock.sleep(until: clock.now.advanced(by: duration), tolerance: nil) }
        self.wallNow = wallNow
        self.startDate = startDate
    }

    /// The real clock; wall time is the system's (what `X-Sdk-Date` must carry).
    public static var continuous: EngineClock {
        let clock = ContinuousClock()
        let start = clock.now
        return EngineClock(clock, elapsedNow: { start.duration(to: clock.now) }, wallNow: { Date() }, startDate: Date())
    }

    /// Time since the engine started.
    public var elapsed: Duration { elapsedNow() }

    /// Wall-clock time now, as the engine sees it.
    public var date: Date { wallNow() }

    public func sleep(for duration: Duration) async throws {
        try await sleeper(duration)
    }
}

extension Duration {
    /// Seconds as a floating-point number.
    public var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
