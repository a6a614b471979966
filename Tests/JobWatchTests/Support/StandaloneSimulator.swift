import Foundation

/// `jobwatch simulator --port 0` as a child process: its base URL and job IDs come from the
/// lines it prints first, exactly as a script would read them.
struct StandaloneSimulator {
    struct NotReady: Error, CustomStringConvertible {
        var description: String
    }

    /// A job the simulator listed: `<service>/<id> <type> (<what>…)`.
    struct ListedJob {
        var service: String
        var id: String
        var type: String
    }

    let process: ChildProcess
    let baseURL: String
    let jobs: [ListedJob]

    /// - Parameter environment: credentials the simulator accepts (HUAWEICLOUD_SDK_*).
    static func start(runner: BinaryRunner, scenario: String = "quick", speed: Double = 1, environment: [String: String] = [:], arguments: [String] = []) async throws -> StandaloneSimulator {
        let process = try runner.start(
            ["simulator", "--port", "0", "--scenario", scenario, "--speed", "\(speed)"] + arguments,
            environment: environment
        )
        // The listing ends with the "Ctrl-C stops the simulator" line.
        guard await process.waitForOutput(timeout: .seconds(30), { $0.contains("Ctrl-C") }) else {
            process.stop()
            throw NotReady(description: "the simulator did not list its jobs within 30 s\n\(process.transcript)")
        }
        let lines = process.stdout.split(separator: "\n").map(String.init)
        let jobs = lines.dropFirst().compactMap { line -> ListedJob? in
            let fields = line.split(separator: " ")
            guard fields.count >= 2 else { return nil }
            // `service/ID`; a DMS task's ID is `INSTANCE_ID/TASK_ID`.
            let named = fields[0].split(separator: "/", maxSplits: 1)
            // An order's ID is letters and digits (`CS…`), shorter than a job's.
            guard named.count == 2, !named[0].isEmpty, named[1].count >= 16, named[1].allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "/" }) else { return nil }
            return ListedJob(service: String(named[0]), id: String(named[1]), type: String(fields[1]))
        }
        guard let url = lines.first, url.hasPrefix("http://127.0.0.1:") || url.hasPrefix("https://127.0.0.1:"), !jobs.isEmpty else {
            process.stop()
            throw NotReady(description: "unexpected simulator listing\n\(process.transcript)")
        }
        return StandaloneSimulator(process: process, baseURL: url, jobs: jobs)
    }

    func job(ofType type: String) throws -> ListedJob {
        guard let job = jobs.first(where: { $0.type == type }) else {
            throw NotReady(description: "the simulator lists no \(type) job\n\(process.transcript)")
        }
        return job
    }

    func stop() async {
        process.send(SIGTERM)
        if await process.waitForExit(timeout: .seconds(5)) == nil { process.stop() }
    }
}
