import Foundation
import JobModel
import JobUI
import Synchronization

/// The dashboard's loop as `DashboardDriver` runs it, without a terminal: every snapshot and
/// transition is a message to `Dashboard.update`, a burst of messages costs one frame
/// (`Dashboard.view`, 200×60), and after each frame one tick is set for when the screen would
/// next change by itself (`Dashboard.stillFor`).
final class HeadlessDashboard: @unchecked Sendable {
    private enum Item: Sendable {
        case message(Message)
        case snapshotReady
        case render
    }

    /// Only the loop's task touches these.
    private var model: Model
    private var renderQueued = false
    private var nextTick: Task<Void, Never>?
    private(set) var frames = 0
    private(set) var snapshotsTaken = 0

    init(now: Date) {
        var state = ViewState()
        state.screen = ScreenSize(width: 200, height: 60)
        state.localTimeZone = TimeZone(identifier: "UTC")!
        model = Model(snapshot: Snapshot(takenAt: now), state: state, capabilities: TerminalCapabilities(colors: 256, unicode: true), now: now)
    }

    /// Runs until `done` holds for a snapshot taken in, or until cancelled.
    func run(snapshots: AsyncStream<Snapshot>, transitions: AsyncStream<Transition>, until done: @escaping @Sendable (Snapshot) -> Bool) async {
        let (inbox, post) = AsyncStream.makeStream(of: Item.self)
        let latest = LatestSnapshot()
        let feeding = Task {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await snapshot in snapshots {
                        if latest.put(snapshot) { post.yield(.snapshotReady) }
                    }
                }
                group.addTask {
                    for await transition in transitions { post.yield(.message(.transition(transition))) }
                }
            }
        }
        render(post)
        loop: for await item in inbox {
            switch item {
            case .message(let message):
                send(message)
            case .snapshotReady:
                guard let snapshot = latest.take() else { continue }
                send(.snapshot(snapshot))
                snapshotsTaken += 1
                if done(snapshot) { break loop }
            case .render:
                renderQueued = false
                render(post)
                continue
            }
            if !renderQueued {
                renderQueued = true
                post.yield(.render)
            }
        }
        nextTick?.cancel()
        feeding.cancel()
        post.finish()
    }

    private func send(_ message: Message) {
        _ = Dashboard.update(&model, message)
    }

    private func render(_ post: AsyncStream<Item>.Continuation) {
        send(.tick(Date()))
        let frame = Dashboard.view(model)
        precondition(frame.rows.count == 60)
        send(.drawn)
        frames += 1
        nextTick?.cancel()
        guard let delay = Dashboard.stillFor(model) else { return }
        nextTick = Task {
            guard (try? await Task.sleep(for: delay)) != nil else { return }
            post.yield(.message(.tick(Date())))
        }
    }
}

/// The newest snapshot not yet taken in: a slow loop skips the ones in between.
final class LatestSnapshot: Sendable {
    private let slot = Mutex<Snapshot?>(nil)

    /// Returns whether the slot was empty (the loop must be told).
    func put(_ snapshot: Snapshot) -> Bool {
        slot.withLock { slot in
            defer { slot = snapshot }
            return slot == nil
        }
    }

    func take() -> Snapshot? {
        slot.withLock { slot in
            defer { slot = nil }
            return slot
        }
    }
}
