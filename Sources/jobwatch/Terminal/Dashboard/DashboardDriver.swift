import Foundation
import JobModel
import JobEngine
import JobUI

/// Runs the interactive dashboard: the Elm loop around `Dashboard.update` and `Dashboard.render`.
///
/// Messages (keys, resizes, signals, snapshots, transitions, ticks, finished actions) arrive on
/// one stream and are handled one at a time on `CursesActor`, the terminal's own thread. After a
/// message, a `.render` is queued behind whatever is already waiting, so a burst costs one frame;
/// `Terminal.draw` then writes only the rows that changed. Nothing polls: with nothing happening
/// the only work is one render a second for the clocks on screen.
///
/// ```swift
/// let exit = try await DashboardDriver(snapshots: engine.snapshots, transitions: engine.transitions,
///                                      control: engine, options: DashboardOptions(bell: bell)).run()
/// ```
@CursesActor
final class DashboardDriver {
    private let snapshots: AsyncStream<Snapshot>
    private let transitions: AsyncStream<Transition>
    let control: any DashboardControl
    let options: DashboardOptions
    let terminal: Terminal
    let now: @Sendable () -> Date
    private let clock: any Clock<Duration>

    var state = ViewState()
    var snapshot: Snapshot
    var events: [Transition] = []
    /// Where messages go in; set while `run()` runs.
    var post: AsyncStream<DashboardMessage>.Continuation?
    private var renderQueued = false
    /// `--bell`: something worth a bell happened since the last frame.
    var ringPending = false
    private var wasAllDone = false
    /// Set when the loop must end.
    var exit: DashboardExit?

    /// - Parameters:
    ///   - snapshots: the engine's snapshots; only the newest is ever rendered.
    ///   - transitions: every status change, for the event log (and `--bell`).
    ///   - initial: what to show before the first snapshot (e.g. the state file's).
    ///   - now: the wall clock for elapsed times; `clock` paces the 1-second tick.
    init(
        snapshots: AsyncStream<Snapshot>, transitions: AsyncStream<Transition>,
        control: any DashboardControl, options: DashboardOptions = DashboardOptions(),
        initial: Snapshot? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        now: @escaping @Sendable () -> Date = { Date() },
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.snapshots = snapshots
        self.transitions = transitions
        self.control = control
        self.options = options
        self.terminal = Terminal(environment: environment)
        self.now = now
        self.clock = clock
        self.snapshot = initial ?? Snapshot(takenAt: now())
        state.context = options.context
        state.utc = options.utc
        state.expandFailed = options.expandFailed
        events = Array(options.earlierEvents.suffix(options.eventLogLimit))
    }

    /// Takes over the terminal until the user quits, a quit signal arrives or the terminal goes
    /// away; the terminal is restored before this returns. Throws `Terminal.StartError` (with
    /// the terminal untouched) when the dashboard cannot start: then stream lines instead.
    func run() async throws -> DashboardExit {
        let terminalEvents = try terminal.start()
        defer { terminal.stop() }
        let (messages, post) = AsyncStream.makeStream(of: DashboardMessage.self)
        self.post = post
        defer { self.post = nil }
        state.screen = terminal.size
        wasAllDone = snapshot.isAllDone
        render()

        let latest = LatestValue<Snapshot>()
        let snapshots = snapshots
        let transitions = transitions
        let clock = clock
        let tick = options.tick
        return await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await event in terminalEvents { post.yield(.terminal(event)) }
            }
            group.addTask {
                for await snapshot in snapshots where latest.put(snapshot) { post.yield(.snapshot) }
            }
            group.addTask {
                for await transition in transitions { post.yield(.transition(transition)) }
            }
            group.addTask {
                while (try? await clock.sleep(for: tick)) != nil { post.yield(.tick) }
            }
            for await message in messages {
                handle(message, latest: latest)
                if exit != nil { break }
            }
            group.cancelAll()
            post.finish()
            return exit ?? .quit  // cancelled from outside: leave as if quit
        }
    }

    // MARK: - Messages

    private func handle(_ message: DashboardMessage, latest: LatestValue<Snapshot>) {
        switch message {
        case .terminal(.key(let key)):
            if key == .resize { state.screen = terminal.size }
            let (next, actions) = Dashboard.update(key, state, snapshot: snapshot, events: events)
            state = next
            perform(actions)
        case .terminal(.quit(let signal)):
            exit = .signal(signal)
        case .terminal(.hangup):
            exit = .hangup
        case .snapshot:
            guard let newest = latest.take() else { return }
            snapshot = newest
            if newest.isAllDone, !wasAllDone { ringPending = options.bell }
            wasAllDone = newest.isAllDone
        case .transition(let transition):
            events.append(transition)
            if events.count > options.eventLogLimit { events.removeFirst(events.count - options.eventLogLimit) }
            if transition.to == .fail, options.bell { ringPending = true }
        case .tick:
            break
        case .added(let jobID, let problem):
            if let problem { state.notice = "\(jobID): \(problem)" }
        case .render:
            renderQueued = false
            render()
            return
        }
        queueRender()
    }

    private func queueRender() {
        guard !renderQueued, exit == nil else { return }
        renderQueued = true
        post?.yield(.render)
    }

    private func render() {
        let size = terminal.size
        let frame = Dashboard.render(
            snapshot, state, width: size.width, height: size.height,
            capabilities: terminal.capabilities, now: now(), events: events)
        terminal.draw(frame)
        if ringPending {
            ringPending = false
            terminal.bell()
        }
    }
}
