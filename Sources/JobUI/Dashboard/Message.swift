import JobModel
import Foundation

/// Everything that can happen to the dashboard. The driver turns terminal input, signals, the
/// engine's streams, timers and finished effects into these, and hands each to `Dashboard.update`.
public enum Message: Sendable {
    case key(Key)
    /// Text the terminal marked as pasted (bracketed paste), verbatim: one message, so nothing
    /// in it runs as a command.
    case paste(String)
    /// The terminal's new size, already in effect.
    case resize(ScreenSize)
    /// The engine's newest snapshot (the driver skips the ones a slow screen missed).
    case snapshot(Snapshot)
    /// A status change, for the event log (and `--bell`).
    case transition(Transition)
    /// The wall clock moved on: elapsed times and ages follow it.
    case tick(Date)
    /// The engine took this job (answer to `Effect.addJob`).
    case added(JobReference)
    /// The engine refused this job; `problem` is a one-line reason.
    case addFailed(JobReference, problem: String)
    /// The engine stopped watching this job (answer to `Effect.removeJob`).
    case removed(JobKey)
    /// This text went to the clipboard (answer to `Effect.copy`).
    case copied(String)
    /// The terminal cannot take a copy (no OSC 52).
    case copyFailed
    /// SIGINT, SIGTERM or SIGHUP.
    case signal(Int32)
    /// The terminal went away.
    case hangup
    /// The frame of `Dashboard.view` is on the screen: the bell for what it shows may ring.
    case drawn
}
