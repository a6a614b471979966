import Foundation
import JobSimulator

/// The soak scenario's simulator (any 32-hex-digit ID is a job that runs 1–15 minutes) in a
/// child process of this executable (`AnswerCost --serve`), on 127.0.0.1: the CPU measured in
/// this process is then jobwatch's side alone, not the server's.
final class ChildSimulator {
    let url: String
    private let process: Process

    init() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--serve"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // The child prints its URL, then serves until it is terminated.
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        guard let url = String(data: line, encoding: .utf8), url.hasPrefix("http://127.0.0.1:") else {
            process.terminate()
            throw ServeFailure()
        }
        self.url = url
        self.process = process
    }

    struct ServeFailure: Error {}

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    /// `--serve`: runs the simulator until killed. No signature check (the client still signs
    /// every request), and a quota no run reaches.
    static func serve() async throws -> Never {
        var options = SimulatorOptions(scenario: .soak, speed: 1)
        options.quota = RateQuota(limit: 100_000_000)
        let simulator = JobSimulator(options: options)
        let url = try await simulator.start()
        FileHandle.standardOutput.write(Data((url + "\n").utf8))
        while true { try await Task.sleep(for: .seconds(3600)) }
    }
}
