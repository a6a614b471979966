import Foundation
import JobAPI
import JobEngine
import JobUI

/// Runs an engine and prints one line per transition until the jobs are done (`wait`), or
/// forever (`jobwatch` when stdout is not a terminal). Shared by both so they never differ.
struct TransitionStreamer {
    var json: Bool
    var unicode: Bool
    var failFast: Bool
    var heartbeat: Duration
    var timeout: Duration?
    /// `wait` ends when everything is done; the plain dashboard never ends on its own.
    var exitWhenDone: Bool
    var notifier: Notifier?

    enum Ending {
        case allDone([JobState])
        case failedFast([JobState])
        case timedOut([JobState])
        case interrupted([JobState])

        var states: [JobState] {
            switch self {
            case .allDone(let s), .failedFast(let s), .timedOut(let s), .interrupted(let s): s
            }
        }
    }

    func run(_ engine: Engine) async -> Ending {
        let transitions = await engine.transitions()
        let snapshots = await engine.snapshots()
        let printer = StreamPrinter()
        let started = ContinuousClock.now
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
                for await snapshot in snapshots {
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
                await SignalWaiter.waitForInterrupt()
                return Task.isCancelled ? nil : .interrupted(await engine.currentSnapshot().jobs)
            }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: heartbeat)
                    if Task.isCancelled { break }
                    if ContinuousClock.now - (await printer.lastLineAt) >= heartbeat {
                        let snapshot = await engine.currentSnapshot()
                        let elapsed = (ContinuousClock.now - started).seconds
                        await printer.print(json ? Self.heartbeatJSON(snapshot) : TransitionText.progress(snapshot, elapsed: elapsed, now: Date(), unicode: unicode))
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
            if let result { return result }
            return .interrupted(await engine.currentSnapshot().jobs)
        }
        runner.cancel()
        await runner.value
        await printing.value
        await notifier?.drain()
        return ending
    }

    static func hasFailure(_ snapshot: Snapshot) -> Bool {
        snapshot.jobs.contains { state in
            state.job?.status == .fail || (state.job?.subJobs.contains { $0.status == .fail } ?? false)
        }
    }

    static func heartbeatJSON(_ s: Snapshot) -> String {
        "{\"event\":\"progress\",\"schema\":\(JSONReport.schema),\"running\":\(s.jobCounts.running),\"init\":\(s.jobCounts.initial),\"sub_jobs_done\":\(s.subJobCounts.finished),\"sub_jobs_total\":\(s.subJobCounts.total)}"
    }
}
