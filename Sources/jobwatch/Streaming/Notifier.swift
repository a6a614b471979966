import Foundation
import JobModel
import JobAPI
import JobUI

/// Runs `--on-done` / `--on-fail` commands. The command is the user's own text and runs with
/// `/bin/sh -c`; job data (which comes from the server) is passed only in environment
/// variables, never spliced into the command. A failing command is reported, never fatal.
actor Notifier {
    let onDone: String?
    let onFail: String?
    let report: @Sendable (String) -> Void
    /// Process ID (and group) → what it runs for.
    private var running: [pid_t: Hook] = [:]

    struct Hook {
        let jobID: String
        let started: ContinuousClock.Instant
        /// Being ended by `drain`: its exit status is no news.
        var ending = false
    }

    /// How long a hook has after SIGTERM before its group gets SIGKILL.
    static let termGrace: Duration = .seconds(2)

    init(onDone: String?, onFail: String?, report: @escaping @Sendable (String) -> Void) {
        self.onDone = onDone
        self.onFail = onFail
        self.report = report
    }

    nonisolated var isActive: Bool { onDone != nil || onFail != nil }

    func handle(_ t: Transition) {
        guard t.to.isTerminal else { return }
        if let onFail, t.to == .fail { run(onFail, for: t) }
        if let onDone, t.subJobID == nil { run(onDone, for: t) }
    }

    /// Waits (at most `limit`) for the commands still running, so `wait` does not exit before
    /// its notifications are done; then says which are still running and ends their process
    /// groups (SIGTERM, then SIGKILL after `termGrace`), so none is left behind as an orphan.
    func drain(within limit: Duration = .seconds(10)) async {
        await waitForHooks(until: ContinuousClock.now + limit)
        guard !running.isEmpty else { return }
        let now = ContinuousClock.now
        for (pid, hook) in running.sorted(by: { $0.value.started < $1.value.started }) {
            let ran = DurationText.format(.seconds(Int64((now - hook.started).seconds)))
            report("notification command for job \(hook.jobID) still running after \(ran) — ended it; make --on-done/--on-fail commands finish within \(DurationText.format(limit))")
            running[pid]?.ending = true
            kill(-pid, SIGTERM)
        }
        let groups = Array(running.keys)
        await waitForHooks(until: ContinuousClock.now + Self.termGrace)
        // Also the groups whose shell has gone: what it started may still be there.
        for pid in groups { kill(-pid, SIGKILL) }
    }

    private func waitForHooks(until deadline: ContinuousClock.Instant) async {
        while !running.isEmpty, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    static func environment(for t: Transition) -> [String: String] {
        var env: [String: String] = [
            "JOBWATCH_JOB_ID": t.key.jobID,
            "JOBWATCH_PROFILE": t.profile,
            "JOBWATCH_ENDPOINT": t.key.endpoint,
            "JOBWATCH_PROJECT_ID": t.key.projectID,
            "JOBWATCH_STATUS": t.to.rawValue,
            "JOBWATCH_PREVIOUS_STATUS": t.from?.rawValue ?? "",
            "JOBWATCH_JOB_TYPE": t.jobType ?? "",
            "JOBWATCH_REASON": t.reason ?? "",
            "JOBWATCH_LABEL": t.label ?? "",
            "JOBWATCH_AT": JobTimestamp.format(t.at),
        ]
        if let sub = t.subJobID { env["JOBWATCH_SUB_JOB_ID"] = sub }
        // Escaped: a hook echoes it, and a bidi control in a name would reverse its log line.
        if let name = t.resourceName { env["JOBWATCH_RESOURCE_NAME"] = TerminalSafeText.of(name) }
        return env
    }

    private func run(_ command: String, for t: Transition) {
        var env = ProcessInfo.processInfo.environment
        // The child needs no credentials of ours.
        for name in [CredentialResolver.secretKeyVariable, CredentialResolver.securityTokenVariable, CredentialResolver.tokenVariable, CredentialResolver.accessKeyVariable] {
            env[name] = nil
        }
        env.merge(Self.environment(for: t)) { _, new in new }
        start(command, environment: env, jobID: t.key.jobID)
    }

    /// Starts one command and reaps it on a thread of its own (`waitpid` blocks).
    func start(_ command: String, environment: [String: String], jobID: String) {
        let pid: pid_t
        do {
            pid = try HookProcess.spawn(command, environment: environment)
        } catch {
            report("notification command could not start: \(error) — check the --on-done/--on-fail command")
            return
        }
        running[pid] = Hook(jobID: jobID, started: .now)
        Thread.detachNewThread { [self] in
            let ending = HookProcess.wait(pid)
            Task { await self.finished(pid, ending) }
        }
    }

    private func finished(_ pid: pid_t, _ ending: HookProcess.Ending) {
        guard let hook = running.removeValue(forKey: pid), !hook.ending else { return }
        switch ending {
        case .exited(0):
            break
        case .exited(let status):
            report("notification command exited with status \(status) for job \(hook.jobID) — check the --on-done/--on-fail command")
        case .signalled(let number):
            report("notification command was killed by signal \(number) for job \(hook.jobID) — check the --on-done/--on-fail command")
        }
    }
}
