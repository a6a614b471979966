import Foundation
import JobModel
import JobSession
import Testing

/// jobwatch's, not Swift Testing's (exit tests).
typealias ExitStatus = JobSession.ExitStatus

/// The exit codes scripts branch on (README, "Scripts"): 3 when a job could not be read, else 1
/// when one failed, else 0; 2 for a timeout, 128 + the signal for an interruption.
@Suite("Exit statuses")
struct ExitStatusTests {
    static func state(_ id: String, _ status: JobStatus?, health: JobHealth = .fresh) -> JobState {
        JobState(
            entry: WatchEntry(profile: "p", jobID: id),
            key: JobKey(endpoint: "127.0.0.1:18001", projectID: SessionScratch.projectID, jobID: id),
            job: status.map { Job(id: id, status: $0) },
            health: health
        )
    }

    static let succeeded = state("ok", .success)
    static let failed = state("bad", .fail)
    static let neverRead = state("gone", nil, health: .notFound)

    @Test("the codes themselves")
    func rawValues() {
        #expect(ExitStatus.success.rawValue == 0)
        #expect(ExitStatus.failed.rawValue == 1)
        #expect(ExitStatus.timedOut.rawValue == 2)
        #expect(ExitStatus.unreadable.rawValue == 3)
        #expect(ExitStatus.usage.rawValue == 64)
        #expect(ExitStatus.ioError.rawValue == 74)
    }

    @Test("all succeeded, or nothing at all: 0")
    func success() {
        #expect(ExitStatus.of([Self.succeeded, Self.state("ok2", JobStatus(raw: "Success"))]) == .success)
        #expect(ExitStatus.of([]) == .success)
    }

    @Test("one failed: 1, whatever else succeeded")
    func oneFailed() {
        #expect(ExitStatus.of([Self.succeeded, Self.failed, Self.succeeded]) == .failed)
        #expect(ExitStatus.of([Self.state("cce", JobStatus(raw: "Failed"))]) == .failed, "CCE's word")
    }

    @Test("one unreadable: 3, even beside a failure")
    func unreadableWins() {
        #expect(ExitStatus.of([Self.failed, Self.neverRead]) == .unreadable)
        #expect(ExitStatus.of([Self.neverRead, Self.succeeded]) == .unreadable)
    }

    @Test("unreadable: never read, credential refused, route stopped, or detached while unfinished", arguments: [
        state("pending", nil, health: .pending),
        state("auth", .success, health: .authStopped),
        state("route", .success, health: .routeStopped),
        state("notFound", .running, health: .notFound),
        state("detached", .running, health: .detached),
    ])
    func unreadable(_ state: JobState) {
        #expect(ExitStatus.of([state]) == .unreadable, "\(state.entry.jobID)")
    }

    @Test("readable: a finished job kept after a purge, or detached once finished", arguments: [
        (state("purged", .fail, health: .purged), ExitStatus.failed),
        (state("detachedDone", .success, health: .detached), .success),
        (state("stale", .success, health: .stale), .success),
    ])
    func readable(_ state: JobState, expected: ExitStatus) {
        #expect(ExitStatus.of([state]) == expected, "\(state.entry.jobID)")
    }

    @Test("a stream's ending")
    func streamEndings() {
        #expect(ExitStatus.of(StreamEnding.allDone([Self.succeeded])) == 0)
        #expect(ExitStatus.of(StreamEnding.allDone([Self.succeeded, Self.failed])) == 1)
        #expect(ExitStatus.of(StreamEnding.allDone([Self.failed, Self.neverRead])) == 3)
        #expect(ExitStatus.of(StreamEnding.failedFast([Self.failed, Self.state("run", .running)])) == 1)
        #expect(ExitStatus.of(StreamEnding.timedOut([Self.succeeded, Self.state("run", .running)])) == 2)
        #expect(ExitStatus.of(StreamEnding.timedOut([Self.neverRead])) == 2, "a timeout is a timeout whatever the jobs")
    }

    @Test("an interruption is 128 + the signal, as a shell reports it", arguments: [(Int32(2), Int32(130)), (15, 143), (1, 129)])
    func interrupted(signal: Int32, expected: Int32) {
        #expect(ExitStatus.of(StreamEnding.interrupted(signal: signal, [Self.succeeded])) == expected)
        #expect(ExitStatus.of(StreamEnding.interrupted(signal: signal, [Self.failed])) == expected, "whatever the jobs")
    }
}
