import Foundation
import JobModel
import JobEngine
import JobUI

/// Runs an engine and prints what happens, one line each, until the jobs are done (`wait`), or
/// until stopped (`jobwatch` when stdout is not a terminal). Shared by both so they never differ:
/// the state each job is known in at the start, every transition once and in order, each job's
/// read problem once when it starts, throttling, and a progress line when quiet.
struct TransitionStreamer {
    var json: Bool
    var unicode: Bool
    var failFast: Bool
    var heartbeat: Duration
    var timeout: Duration?
    /// `wait` ends when everything is done; the stream only with `--exit-when-done`.
    var exitWhenDone: Bool
    /// The stream's line when everything is done and it goes on; `nil` for `wait`.
    var allDoneNotice: (@Sendable (Snapshot) -> String)?
    var notifier: Notifier?

    typealias Ending = StreamEnding

    func run(_ engine: Engine) async -> Ending {
        let transitions = await engine.transitions()
        let snapshots = await engine.snapshots()
        let printer = StreamPrinter()
        let started = ContinuousClock.now
        let json = self.json, unicode = self.unicode

        // What is already known (from the state file) before anything is asked.
        let opening = await engine.currentSnapshot()
        for state in opening.jobs where state.job != nil || state.health == .detached {
            await printer.print(json
                ? JSONReport.stateLine(state, now: opening.takenAt, fromStateFile: true)
                : TransitionText.known(state, now: opening.takenAt, fromStateFile: true))
        }
        let runner = Task { await engine.run() }

        // Every transition, in order, exactly once; ends when the engine stops.
        let printing = Task {
            for await transition in transitions {
                await printer.print(json ? JSONReport.line(transition) : TransitionText.line(transition, unicode: unicode))
                await notifier?.handle(transition)
            }
        }

        let ending = await withTaskGroup(of: Ending?.self) { group in
            group.addTask {
                var watcher = SnapshotNotices(json: json, allDoneNotice: allDoneNotice)
                for await snapshot in snapshots {
                    for line in watcher.lines(for: snapshot) { await printer.print(line) }
                    for warning in watcher.warnings(for: snapshot) { CommandFailure.printError(warning) }
                    if failFast, Self.hasFailure(snapshot) { return .failedFast(snapshot.jobs) }
                    if exitWhenDone, snapshot.isAllDone { return .allDone(snapshot.jobs) }
                }
                return nil
            }
            if let timeout {
                group.addTask {
                    try? await Task.sleep(until: started + timeout)
                    return Task.isCancelled ? nil : .timedOut(await engine.currentSnapshot().jobs)
                }
            }
            group.addTask {
                guard let signal = await SignalWaiter.waitForSignal(), !Task.isCancelled else { return nil }
                return .interrupted(signal: signal, await engine.currentSnapshot().jobs)
            }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: heartbeat)
                    if Task.isCancelled { break }
                    if ContinuousClock.now - (await printer.lastLineAt) >= heartbeat {
                        let snapshot = await engine.currentSnapshot()
                        let elapsed = (ContinuousClock.now - started).seconds
                        await printer.print(json ? JSONReport.progressLine(snapshot) : TransitionText.progress(snapshot, elapsed: elapsed, now: Date(), unicode: unicode))
                    }
                }
                return nil
            }
            var result: Ending?
            while let next = await group.next() {
                if let next {
                    result = next
                    break
                }
            }
            group.cancelAll()
            return result ?? .interrupted(signal: SIGINT, [])
        }
        runner.cancel()
        await runner.value
        await printing.value
        await notifier?.drain()
        return ending.settled(with: await engine.currentSnapshot())
    }

    static func hasFailure(_ snapshot: Snapshot) -> Bool {
        !snapshot.digest.failing.isEmpty
    }
}
