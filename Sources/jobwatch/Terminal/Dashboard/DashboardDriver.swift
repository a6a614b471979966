import Foundation
import JobModel
import JobUI

/// Runs the interactive dashboard: the Elm loop around `Dashboard.update` and `Dashboard.view`.
///
/// Terminal input, signals, the engine's snapshots and transitions, the clock and finished
/// effects all arrive on one stream as messages, handled one at a time on `CursesActor`, the
/// terminal's own thread: `update` gives the next model and the effects, which this performs.
/// After a message, a `.render` is queued behind whatever is already waiting, so a burst costs
/// one frame; `Terminal.draw` then writes only the rows that changed. Nothing polls: after each
/// frame one tick is set for when the screen would next change by itself
/// (`Dashboard.stillFor`: a second while something runs, a minute for coarse ages, never while
/// paused), so a finished rollout costs next to nothing.
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
    private let options: DashboardOptions
    let terminal: Terminal
    private let now: @Sendable () -> Date
    private let clock: any Clock<Duration>

    /// What the dashboard knows; only `send` changes it (through `Dashboard.update`).
    private var model: Model
    /// Where messages go in; set while `run()` runs.
    var post: AsyncStream<DashboardInbox>.Continuation?
    private var renderQueued = false
    /// The one pending tick, replaced after every frame.
    private var nextTick: Task<Void, Never>?
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
        self.terminal = Terminal(environment: environment, theme: options.theme)
        self.now = now
        self.clock = clock
        var state = ViewState()
        state.context = options.context
        state.utc = options.utc
        state.expandFailed = options.expandFailed
        model = Model(
            snapshot: initial ?? Snapshot(takenAt: now()), state: state, events: options.earlierEvents,
            eventLogLimit: options.eventLogLimit, bellOnEvents: options.bell, now: now())
    }

    /// Takes over the terminal until the user quits, a quit signal arrives or the terminal goes
    /// away; the terminal is restored before this returns. Throws `Terminal.StartError` (with
    /// the terminal untouched) when the dashboard cannot start: then stream lines instead.
    func run() async throws -> DashboardExit {
        let terminalEvents = try terminal.start()
        // Said again on the shell's screen once the terminal is restored (defers run last first).
        let startNote = terminal.startNote
        defer { if let startNote { StandardStreams.err("jobwatch: \(startNote)\n") } }
        defer { terminal.stop() }
        let (inbox, post) = AsyncStream.makeStream(of: DashboardInbox.self)
        self.post = post
        defer { self.post = nil }
        // Known only once the terminal is ours: the model's starting screen.
        model.capabilities = terminal.capabilities
        model.state.screen = terminal.size
        if let note = terminal.startNote { model.state.notice = note }
        render()

        let latest = LatestValue<Snapshot>()
        let snapshots = snapshots
        let transitions = transitions
        defer { nextTick?.cancel() }
        let ending = await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await event in terminalEvents { post.yield(.message(event.message)) }
            }
            group.addTask {
                for await snapshot in snapshots where latest.put(snapshot) { post.yield(.snapshotReady) }
            }
            group.addTask {
                for await transition in transitions { post.yield(.message(.transition(transition))) }
            }
            for await item in inbox {
                switch item {
                case .message(let message):
                    send(message)
                case .snapshotReady:
                    if let newest = latest.take() { send(.snapshot(newest)) }
                case .render:
                    renderQueued = false
                    render()
                    continue
                }
                if exit != nil { break }
                queueRender()
            }
            group.cancelAll()
            post.finish()
            return exit ?? .quit  // cancelled from outside: leave as if quit
        }
        if terminal.lost { throw TerminalLost() }
        return ending
    }

    /// Hands one message to `Dashboard.update`, keeps the model, performs the effects.
    func send(_ message: Message) {
        let effects = Dashboard.update(&model, message)
        perform(effects)
    }

    private func queueRender() {
        guard !renderQueued, exit == nil else { return }
        renderQueued = true
        post?.yield(.render)
    }

    /// Blits the view at the time of drawing (ages move even between ticks), then says it is
    /// shown, which rings a pending `--bell` after the frame that explains it.
    private func render() {
        send(.tick(now()))
        terminal.draw(Dashboard.view(model))
        send(.drawn)
        scheduleTick()
    }

    /// Sets the one tick for when the frame just drawn would change by itself.
    private func scheduleTick() {
        nextTick?.cancel()
        guard let delay = Dashboard.stillFor(model, fast: options.tick), let post else {
            nextTick = nil
            return
        }
        let clock = clock
        let now = now
        nextTick = Task {
            guard (try? await clock.sleep(for: delay)) != nil else { return }
            post.yield(.message(.tick(now())))
        }
    }
}
