import Foundation

/// Debian's tinyproxy on a free loopback port, with a config file of the test's own (an
/// optional login), logging every request so a test can count what went through it.
struct TinyProxy {
    let process: ChildProcess
    let port: Int
    let logFile: String

    static func start(in scratch: Scratch, name: String = "proxy", login: (user: String, password: String)? = nil) async throws -> TinyProxy {
        guard let executable = ["/usr/bin/tinyproxy", "/usr/sbin/tinyproxy"].first(where: FileManager.default.isExecutableFile) else {
            throw FaultHarnessProblem(description: "tinyproxy is not installed — apt-get install tinyproxy (.ci/run does)")
        }
        // The port is free when asked; another process taking it before tinyproxy does is retried.
        for _ in 0..<5 {
            let port = try FreePort.take()
            let config = scratch.file("\(name).conf"), log = scratch.file("\(name).log")
            var text = """
            Port \(port)
            Listen 127.0.0.1
            Timeout 30
            MaxClients 50
            Allow 127.0.0.1
            LogLevel Info
            LogFile "\(log)"
            PidFile "\(scratch.file("\(name).pid"))"

            """
            if let login { text += "BasicAuth \(login.user) \(login.password)\n" }
            try Data(text.utf8).write(to: URL(fileURLWithPath: config))
            let process = try ChildProcess(executable: executable, arguments: ["-d", "-c", config], environment: ProcessInfo.processInfo.environment, stdin: nil)
            let listening = await eventually(timeout: .seconds(10)) {
                (try? String(contentsOfFile: log, encoding: .utf8))?.contains("listening on") == true || !process.isRunning
            }
            if listening, process.isRunning { return TinyProxy(process: process, port: port, logFile: log) }
            process.stop()
        }
        throw FaultHarnessProblem(description: "tinyproxy did not start on a free port in 5 tries")
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// Requests the proxy received (`CONNECT host:port` for tunnels, `GET http://…` for plain).
    var requests: [String] {
        let log = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
        return log.split(separator: "\n").compactMap { line in
            line.range(of: "): ").flatMap { range in line.contains("Request (file descriptor") ? String(line[range.upperBound...]) : nil }
        }
    }

    func stop() { process.stop() }
}
