import Foundation
import Testing

/// With real-looking secrets in the environment, every command and mode — and the ways they
/// fail — is run; then everything jobwatch could have written is searched: standard output and
/// error of each run and of the simulator, the dashboard's screen, the log file, the state
/// database (SQLite keeps text in clear, so its bytes are searched as text, with its WAL), and
/// every file under the private HOME and XDG folders. No secret may appear anywhere, whole or
/// cut (a prefix or suffix of 12 characters).
@Suite(.timeLimit(.minutes(4)))
struct SecretsEndToEndTests {
    struct Credentials: CustomTestStringConvertible, Sendable {
        var name: String
        /// What both the simulator and jobwatch get.
        var environment: [String: String]
        /// The same kind, but refused by the simulator.
        var wrong: [String: String]
        var secrets: [String]
        var testDescription: String { name }
    }

    static let accessKey = "SECRETSTESTAK0000001"
    static let secretKey = "sk-Vb7Qe2Lx9Rt4Mn6Pw1Zc8Hd3Jf5Kg0Ys"
    static let wrongSecretKey = "sk-wrong-Tq6Nv3Bx8Lm1Rc4Wz7Hp2Df9Kj5"
    static let securityToken = "st-Gh4Ks8Lq2Wv6Xb1Nz9Pm3Rc7Td5Yf0Ja"
    static let iamToken = "iam-MIIZq1Xw3Ec5Rv7Tb9Yn2Um4Ik6Ol8Pa"
    static let wrongIAMToken = "iam-wrong-Lk2Jh4Gf6Ds8Aq1Zw3Xe5Cr7Vt"

    static let kinds = [
        Credentials(
            name: "AK/SK with a security token",
            environment: ["HUAWEICLOUD_SDK_AK": accessKey, "HUAWEICLOUD_SDK_SK": secretKey, "HUAWEICLOUD_SDK_SECURITY_TOKEN": securityToken],
            wrong: ["HUAWEICLOUD_SDK_AK": accessKey, "HUAWEICLOUD_SDK_SK": wrongSecretKey, "HUAWEICLOUD_SDK_SECURITY_TOKEN": securityToken],
            secrets: [secretKey, wrongSecretKey, securityToken]
        ),
        Credentials(
            name: "IAM token",
            environment: ["HUAWEICLOUD_SDK_TOKEN": iamToken],
            wrong: ["HUAWEICLOUD_SDK_TOKEN": wrongIAMToken],
            secrets: [iamToken, wrongIAMToken]
        ),
    ]

    static let projectID = "5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b"

    @Test(arguments: kinds)
    func noSecretAppearsInAnyOutputOrFile(_ credentials: Credentials) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        // The simulator is jobwatch too (`jobwatch simulator`), started with the same secrets.
        let simulator = try await StandaloneSimulator.start(runner: runner, scenario: "quick", speed: 10, environment: credentials.environment)
        defer { simulator.process.stop() }
        let job = try simulator.job(ofType: "baremetalAttachVolume").id  // succeeds: exit 0
        let logFile = scratch.file("jobwatch.log")
        let common = ["--endpoint", simulator.baseURL, "--project-id", Self.projectID, "--log-file", logFile]
        var captured: [(String, String)] = []
        func keep(_ what: String, _ result: BinaryRunner.Result) {
            captured.append((what, result.stdout + result.stderr))
        }

        // Every command and mode, with good credentials.
        let runs: [(String, [String])] = [
            ("get", ["get", job]),
            ("get --json", ["get", job, "--json"]),
            ("wait", ["wait", job, "--timeout", "30s", "--on-done", "env > \(shellQuoted(scratch.file("on-done-env.txt")))"]),
            ("wait --json", ["wait", job, "--json", "--timeout", "30s"]),
        ]
        for (name, arguments) in runs {
            let result = try await runner.run(arguments + common, environment: credentials.environment, timeout: .seconds(30))
            #expect(result.exitCode == 0, "\(name)\n\(result)")
            keep(name, result)
        }
        #expect(FileManager.default.fileExists(atPath: scratch.file("on-done-env.txt")), "--on-done ran")

        // --plain, with the default state database (under XDG_STATE_HOME).
        let plain = try runner.start(["--plain", job] + common, environment: credentials.environment)
        defer { plain.stop() }
        #expect(await plain.waitForOutput(timeout: .seconds(30)) { $0.contains("SUCCESS") }, "\(plain.transcript)")
        try await Task.sleep(for: .milliseconds(300))
        plain.send(SIGTERM)
        // It saves its state as it leaves: a loaded machine takes its time.
        _ = await plain.waitForExit(timeout: .seconds(30))
        captured.append(("--plain", plain.stdout + plain.stderr))
        let defaultStateFile = scratch.file("state/jobwatch/state.db")
        #expect(FileManager.default.fileExists(atPath: defaultStateFile), "--plain wrote the state database")

        // The ways it fails.
        try Data("{\"profiles\": {\"p\": {\"region\": \"\(credentials.secrets[0])".utf8).write(to: URL(fileURLWithPath: scratch.file("broken.json")))
        try Data("{\"profiles\": {\"p\": {\"endpoint\": \"\(simulator.baseURL)\", \"sk\": \"\(credentials.secrets[0])\"}}}".utf8)
            .write(to: URL(fileURLWithPath: scratch.file("secret-in-config.json")))
        try Data("{\"profiles\": {\"p\": {\"endpoint\": \"\(simulator.baseURL)\", \"regoin\": \"\(credentials.secrets[0])\"}}}".utf8)
            .write(to: URL(fileURLWithPath: scratch.file("typo.json")))
        let credentialsFile = scratch.file("open.credentials")
        let fileLines = credentials.environment.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "\n")
        try Data(fileLines.utf8).write(to: URL(fileURLWithPath: credentialsFile))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: credentialsFile)
        try Data("{\"profiles\": {\"p\": {\"endpoint\": \"\(simulator.baseURL)\", \"project_id\": \"\(Self.projectID)\", \"credentials_file\": \"\(credentialsFile)\"}}}".utf8)
            .write(to: URL(fileURLWithPath: scratch.file("open-credentials.json")))

        let failures: [(String, [String], [String: String], Int32)] = [
            ("wrong secret", ["get", job] + common, credentials.wrong, 3),
            ("wrong secret, wait --json", ["wait", job, "--json", "--timeout", "30s"] + common, credentials.wrong, 3),
            ("wrong endpoint", ["get", job, "--endpoint", "http://127.0.0.1:9", "--project-id", Self.projectID, "--log-file", logFile], credentials.environment, 3),
            ("broken config", ["get", job, "--config", scratch.file("broken.json")] + common, credentials.environment, 64),
            ("secret in the config", ["get", job, "--config", scratch.file("secret-in-config.json"), "--profile", "p", "--project-id", Self.projectID], credentials.environment, 64),
            ("secret under a mistyped key", ["get", job, "--config", scratch.file("typo.json"), "--profile", "p", "--project-id", Self.projectID], credentials.environment, 64),
            ("world-readable credentials file", ["get", job, "--config", scratch.file("open-credentials.json"), "--profile", "p"], [:], 64),
        ]
        for (name, arguments, environment, code) in failures {
            let result = try await runner.run(arguments, environment: environment, timeout: .seconds(45))
            #expect(result.exitCode == code, "\(name)\n\(result)")
            keep(name, result)
        }

        // The dashboard, for a few seconds, in a terminal.
        let screens = try await Self.dashboardScreens(scratch: scratch, environment: credentials.environment, arguments: [job] + common)
        captured.append(("dashboard", screens))
        #expect(screens.contains(String(job.prefix(4))), "the dashboard showed the job\n\(screens)")

        await simulator.stop()
        captured.append(("simulator", simulator.process.stdout + simulator.process.stderr))

        // Search everything.
        #expect(FileManager.default.fileExists(atPath: logFile), "the log file was written")
        var files: [(String, String)] = []
        if let walker = FileManager.default.enumerator(atPath: scratch.path) {
            for case let relative as String in walker {
                let path = scratch.file(relative)
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                      let data = FileManager.default.contents(atPath: path) else { continue }
                // The files the test itself wrote with secrets in them are the inputs, not outputs.
                if ["broken.json", "secret-in-config.json", "typo.json", "open.credentials"].contains(relative) { continue }
                files.append((relative, String(decoding: data, as: UTF8.self)))
            }
        }
        // The database's text is searched: the job it saved is found in its bytes (or its WAL's).
        let stateText = files.filter { $0.0.hasPrefix("state/jobwatch/state.db") }
        #expect(stateText.contains { $0.0 == "state/jobwatch/state.db" }, "\(files.map(\.0))")
        #expect(stateText.contains { $0.1.contains(job) }, "the job's row is read as text: \(stateText.map(\.0))")
        for (what, text) in captured + files {
            for secret in credentials.secrets {
                for piece in Self.pieces(of: secret) where text.contains(piece) {
                    Issue.record("\(what) contains a secret (\(piece.prefix(6))…)")
                }
            }
        }
    }

    /// A secret whole, and its first and last 12 characters (what a cut-off prefix would leave).
    static func pieces(of secret: String) -> [String] {
        [secret, String(secret.prefix(12)), String(secret.suffix(12))]
    }

    /// Runs the dashboard in tmux for a few seconds and returns every screen seen, with
    /// attributes, and the pane's history after it quit.
    static func dashboardScreens(scratch: Scratch, environment: [String: String], arguments: [String]) async throws -> String {
        let binary = try JobwatchBinary.require()
        var variables = scratch.environment.merging(environment) { _, new in new }
        variables["TERM"] = nil
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuoted($0.value))" }
        let words = ["env", "-i", "TERM=\"$TERM\""] + assignments + [shellQuoted(binary)] + arguments.map(shellQuoted)
        let tmux = try await TmuxSession(command: "\(words.joined(separator: " ")); echo EXIT=$?; sleep 60", width: 160, height: 40)
        var screens = ""
        do {
            screens += try await tmux.waitForScreen("the dashboard") { $0.contains("q quit") }
            for _ in 0..<3 {
                try await Task.sleep(for: .milliseconds(700))
                screens += try await tmux.screenWithAttributes()
            }
            try await tmux.press("Enter")
            try await tmux.press("e")
            screens += try await tmux.screenWithAttributes()
            try await tmux.press("Escape")
            try await tmux.press("q")
            try await Task.sleep(for: .milliseconds(300))
            try await tmux.press("y")
            screens += try await tmux.waitForScreen("the shell after jobwatch") { $0.contains("EXIT=") }
            screens += try await tmux.tmux(["capture-pane", "-p", "-e", "-S", "-2000"])
        } catch {
            await tmux.kill()
            throw error
        }
        await tmux.kill()
        return screens
    }
}
