import Foundation
import JobModel
import Testing
@testable import JobUI

struct SizeAndSpeedTests {
    static let sizes = [(80, 24), (60, 20), (40, 12), (20, 5), (39, 12), (40, 11), (1, 1), (0, 0), (200, 60), (130, 40)]

    @Test(arguments: sizes)
    func everyRowFitsTheWidth(_ width: Int, _ height: Int) {
        var failed = Fixtures.failedBatch
        failed.job!.entities.subJobs[1].entities.errorMessage = ErrorcodeMessage(raw: "", message: "实例配额不足，请联系管理员提升配额后重试 ✔ 👍")
        let snapshot = Fixtures.snapshot([failed, Fixtures.runningBatch, Fixtures.single])
        for mode in [Mode.normal, .help(offset: 0), .eventLog(offset: 0), .timeline(offset: 0), .searching(text: "配额"), .addingJob(text: String(repeating: "x", count: 300), problem: nil)] {
            var state = Fixtures.state(width: width, height: height)
            state.mode = mode
            state.frozen = snapshot
            let events = [Transition(at: Fixtures.now, key: failed.key, profile: "prod", from: .running, to: .fail, reason: "实例配额不足，请联系管理员提升配额后重试")]
            for capabilities in [Fixtures.color, Fixtures.ascii] {
                let frame = Fixtures.render(snapshot, state, width: width, height: height, capabilities: capabilities, events: events)
                #expect(frame.rows.count == height)
                #expect(frame.rows.allSatisfy { $0.width == width })
                if let cursor = frame.cursor { #expect(cursor.row < height && cursor.column < width) }
            }
        }
    }

    @Test func belowTheMinimumOneLineSaysSo() {
        let frame = Fixtures.render(Fixtures.snapshot(), Fixtures.state(), width: 39, height: 30)
        #expect(frame.lines[0] == "terminal too small: 39x30, need 40x12")
        #expect(frame.lines.dropFirst().allSatisfy { $0.isEmpty })
        let tiny = Fixtures.render(Fixtures.snapshot(), Fixtures.state(), width: 20, height: 5)
        #expect(tiny.lines == ["terminal too small:…", "", "", "", ""])
    }

    @Test func columnsDropReasonThenBeginThenElapsed() {
        var state = Fixtures.state()
        state.showDetail = false
        let line = { (width: Int) in Fixtures.render(Fixtures.snapshot(), state, width: width, height: 24).lines[5] }
        #expect(line(80) == "    ✖ create server      2c9e…2b61 FAIL    04:04:47  3m47s Quota exceeded for i…")
        #expect(line(66) == "    ✖ create server              2c9e…2b61 FAIL    04:04:47  3m47s")
        #expect(line(50) == "    ✖ create server       2c9e…2b61 FAIL     3m47s")
        #expect(line(40) == "    ✖ create server    2c9e…2b61 FAIL")
        #expect(Fixtures.render(Fixtures.snapshot(), state, width: 40, height: 12).lines[2] == "▾ ✖ create servers     2c9e…2b4f FAIL")
        // Last, the label shrinks (the 40-column minimum with a long label).
        var renamed = Fixtures.runningBatch
        renamed.entry.label = "reboot every server of rack 7"
        let narrow = Fixtures.render(Fixtures.snapshot([renamed]), state, width: 40, height: 12)
        #expect(narrow.lines[2] == "▸ ▶ reboot every serv… 4d1e…0001 RUNNING")
    }

    /// One batch of 10,000 sub-jobs, unfolded, on a 200×60 screen, selection deep inside.
    static func bigSnapshot() -> Snapshot {
        var subs: [Job] = []
        for i in 0..<10_000 {
            let failed = i % 7 == 0
            let running = !failed && i % 3 == 0
            let status: JobStatus = failed ? .fail : (running ? .running : .success)
            let end: TimeInterval? = running ? nil : 400
            let reason: String? = failed ? "quota \(i)" : nil
            subs.append(Fixtures.sub(String(format: "%032x", i), status, begin: Double(i % 100), end: end, server: "server-\(i)", reason: reason))
        }
        let job = Job(id: "big", type: "baremetalBatchCreate", status: .running, beginTime: Fixtures.t0,
                      entities: JobEntities(subJobsTotal: subs.count, subJobs: subs))
        return Fixtures.snapshot([JobState(entry: WatchEntry(profile: "prod", jobID: "big"), key: Fixtures.key("big"), job: job, readAt: Fixtures.now, health: .fresh)])
    }

    @Test func tenThousandSubJobsAreAFewSegments() {
        let snapshot = Self.bigSnapshot()
        var state = Fixtures.state(width: 200, height: 60)
        state.foldOverrides[.job(Fixtures.key("big"))] = true
        state.foldOverrides[.subJob(Fixtures.key("big"), String(format: "%032x", 5000))] = true
        state.selection = .entity(Fixtures.key("big"), subJob: String(format: "%032x", 5000), key: "server_id")

        // Folded sub-jobs are runs, not rows: a handful of segments for 10,000 rows.
        let tree = VisibleTree(snapshot, state)
        #expect(tree.count == 1 + 10_000 + 1)
        #expect(tree.segments.count == 4)

        // Timing lives in the benchmarks (Benchmarks/), not in a test that can flake.
        let frame = Dashboard.view(Fixtures.model(state, snapshot))
        #expect(frame.lines.count == 60)
        #expect(frame.lines.contains { $0.contains("0000…1388") && $0.hasPrefix("  ▾") })
        #expect(frame.lines.contains { $0.contains("server_id: server-5000") })

        // The failed filter scans once per frame but still formats only visible rows.
        state.filter = .failed
        let filtered = VisibleTree(snapshot, state)
        #expect(filtered.count == 1 + (0..<10_000).filter { $0 % 7 == 0 }.count)
    }
}
