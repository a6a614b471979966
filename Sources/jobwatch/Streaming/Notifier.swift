import Foundation
import JobModel
import JobAPI
import JobEngine

/// Runs `--on-done` / `--on-fail` commands. The command is the user's own text and runs with
/// `/bin/sh -c`; job data (which comes from the server) is passed only in environment
/// variables, never spliced into the command. A failing command is reported, never fatal.
actor Notifier {
    let onDone: String?
    let onFail: String?
    let report: @Sendable (String) -> Void
    private var running: [Process] = []

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
    /// its notifications are done.
    func drain(within limit: Duration = .seconds(10)) async {
        let deadline = ContinuousClock.now + limit
        while running.contains(where: \.isRunning), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        running.removeAll { !$0.isRunning }
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
        return env
    }

    private func run(_ command: String, for t: Transition) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var env = ProcessInfo.processInfo.environment
        // The child needs no credentials of ours.
        for name in [CredentialResolver.secretKeyVariable, CredentialResolver.securityTokenVariable, CredentialResolver.tokenVariable, CredentialResolver.accessKeyVariable] {
            env[name] = nil
        }
        env.merge(Self.environment(for: t)) { _, new in new }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        let report = self.report
        process.terminationHandler = { finished in
            if finished.terminationStatus != 0 {
                report("notification command exited with status \(finished.terminationStatus) for job \(t.key.jobID) — check the --on-done/--on-fail command")
            }
        }
        do {
            try process.run()
            running.append(process)
        } catch {
            report("notification command could not start: \(error.localizedDescription) — check the --on-done/--on-fail command")
        }
    }
}
