import Foundation

/// What an answer costs as the watch grows (issue #29): the CPU to read N new jobs once, each
/// beside the same read of the anchor's N in the same run (linear growth: the per-job cost
/// stays the same), and the CPU a minute of an idle dashboard with finished jobs.
///
///     AnswerCost [--sizes 1000,5000,10000] [--anchor 1000] [--idle 5000] [--idle-anchor 1000]
///                [--window SECONDS] [--budget-read N] [--saving-read N] [--tsv]
///
/// `--budget-read N` also reads N jobs at a budget of 6,000 requests a minute, for the wall
/// time that budget allows; `--saving-read N` reads N jobs with a state database, as the
/// dashboard keeps one by default. `--idle 0` or `--sizes ""` leave those rows out. The simulator runs
/// in a child process (`--serve`), so the CPU figures are jobwatch's side alone.
@main
struct AnswerCost {
    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--serve" { try await ChildSimulator.serve() }
        func value(_ name: String) -> String? {
            arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        }
        let sizes = (value("--sizes") ?? "1000,5000,10000").split(separator: ",").compactMap { Int($0) }
        let anchor = value("--anchor").flatMap(Int.init) ?? 1000
        let idle = value("--idle").flatMap(Int.init) ?? 5000
        let idleAnchor = value("--idle-anchor").flatMap(Int.init) ?? 1000
        let window = value("--window").flatMap(Double.init) ?? 60
        let budgetRead = value("--budget-read").flatMap(Int.init)
        let savingRead = value("--saving-read").flatMap(Int.init)
        let tsv = arguments.contains("--tsv")

        let simulator = try ChildSimulator()
        defer { simulator.stop() }
        var rows: [[String]] = []
        func report(_ row: [String]) {
            rows.append(row)
            FileHandle.standardError.write(Data((row.joined(separator: "  ") + "\n").utf8))
        }

        if !sizes.isEmpty {
            // A small read first warms up connections and caches for every row alike.
            _ = try await FirstRead(jobs: 100).run(against: simulator)
            let base = try await FirstRead(jobs: anchor).run(against: simulator)
            report(["first_read", "\(anchor)", fmt(base.cpu), fmt(base.wall), fmt(base.perJobMicroseconds), "1.00", "\(base.snapshots)", "\(base.frames)"])
            for size in sizes where size != anchor {
                let read = try await FirstRead(jobs: size).run(against: simulator)
                report(["first_read", "\(size)", fmt(read.cpu), fmt(read.wall), fmt(read.perJobMicroseconds),
                        fmt(read.perJobMicroseconds / base.perJobMicroseconds), "\(read.snapshots)", "\(read.frames)"])
            }
        }
        if let budgetRead {
            let read = try await FirstRead(jobs: budgetRead, budget: 6000).run(against: simulator)
            report(["budget_read_6000", "\(budgetRead)", fmt(read.cpu), fmt(read.wall), fmt(read.perJobMicroseconds), "-", "\(read.snapshots)", "\(read.frames)"])
        }
        if let savingRead {
            let read = try await FirstRead(jobs: savingRead, saving: true).run(against: simulator)
            report(["saving_read", "\(savingRead)", fmt(read.cpu), fmt(read.wall), fmt(read.perJobMicroseconds), "-", "\(read.snapshots)", "\(read.frames)"])
        }
        if idle > 0 {
            let base = try await IdleDashboard(jobs: idleAnchor, window: .seconds(window)).run(against: simulator)
            report(["idle", "\(idleAnchor)", fmt(base.cpuPerMinute, 3), "-", "-", "1.00", "-", "\(base.frames)"])
            let measured = try await IdleDashboard(jobs: idle, window: .seconds(window)).run(against: simulator)
            let ratio = base.cpuPerMinute > 0 ? fmt(measured.cpuPerMinute / base.cpuPerMinute) : "-"
            report(["idle", "\(idle)", fmt(measured.cpuPerMinute, 3), "-", "-", ratio, "-", "\(measured.frames)"])
        }

        if tsv {
            for row in rows { print(row.joined(separator: "\t")) }
            return
        }
        print("row                jobs     CPU s    wall s   CPU per job µs   per job ÷ anchor   snapshots   frames")
        for row in rows {
            print(row.enumerated().map { index, text in pad(text, [19, 9, 9, 9, 17, 19, 12, 0][index]) }.joined())
        }
        print("(idle rows: CPU s per minute of a still dashboard; frames drawn in the window)")
    }

    static func fmt(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
