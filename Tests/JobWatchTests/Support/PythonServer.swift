import Foundation

/// A small server in Python for what the simulator cannot do (hostile texts, TLS with a private
/// CA, a dribbled body, a non-HTTP banner). The script prints its port first; the test stops it.
struct PythonServer {
    let process: ChildProcess
    let port: Int

    static func start(_ script: String, arguments: [String] = []) async throws -> PythonServer {
        let process = try ChildProcess(executable: "/usr/bin/env", arguments: ["python3", "-c", script] + arguments, environment: ProcessInfo.processInfo.environment, stdin: nil)
        guard await process.waitForOutput(timeout: .seconds(10), { $0.contains("\n") }),
              let port = Int(process.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            process.stop()
            throw FaultHarnessProblem(description: "the Python server did not start\n\(process.transcript)")
        }
        return PythonServer(process: process, port: port)
    }

    func stop() { process.stop() }
}
