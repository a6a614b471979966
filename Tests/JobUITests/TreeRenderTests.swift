import Foundation
import JobModel
import Testing
@testable import JobUI

struct TreeRenderTests {
    private func treeLines(_ frame: Frame, count: Int) -> [String] {
        Array(frame.lines[3..<(3 + count)])
    }

    private var noDetail: ViewState {
        var state = Fixtures.state()
        state.showDetail = false
        return state
    }

    @Test func failedBatchIsUnfoldedWithItsReasonOthersFolded() {
        let frame = Fixtures.render(Fixtures.snapshot(), noDetail)
        #expect(treeLines(frame, count: 6) == [
            "▾ ✖ create servers       2c9e…2b4f FAIL    04:04:34  4m07s 2/2 done, 1 failed ·…",
            "  ▸ ✔ create server      2c9e…2b60 SUCCESS 04:04:47  3m34s",
            "    ✖ create server      2c9e…2b61 FAIL    04:04:47  3m47s Quota exceeded for i…",
            "▸ ▶ reboot rack 7        4d1e…0001 RUNNING 04:05:34  4m00s 1/3 done",
            "▸ ▶~power server         ff00…ddee RUNNING 04:06:14  3m20s stale: Service Unava…",
            "",
        ])
        #expect(frame.lines[0] == "jobwatch prod  jobs 3: ✔0 ✖1 ▶2 ○0  sub-jobs 6: ✔2 ✖1 ▶2 ○1")
        #expect(frame.lines[1] == "[████████░░░░░░░░] 3/6 50%  ETA 3m10s  times local")
        #expect(frame.lines[2] == "poll 2s ago · budget 12/30 per min")
    }

    @Test func unfoldingShowsSubJobsAndEntities() {
        var state = noDetail
        state.foldOverrides[.job(Fixtures.runningBatch.key)] = true
        state.foldOverrides[.subJob(Fixtures.failedBatch.key, "2c9eb2c5544cbf6101544f0635672b60")] = true
        state.foldOverrides[.job(Fixtures.single.key)] = true
        let frame = Fixtures.render(Fixtures.snapshot(), state)
        #expect(treeLines(frame, count: 10) == [
            "▾ ✖ create servers       2c9e…2b4f FAIL    04:04:34  4m07s 2/2 done, 1 failed ·…",
            "  ▾ ✔ create server      2c9e…2b60 SUCCESS 04:04:47  3m34s",
            "        server_id: bae51750-0089-41a1-9b18-5c777978ff6d",
            "    ✖ create server      2c9e…2b61 FAIL    04:04:47  3m47s Quota exceeded for i…",
            "▾ ▶ reboot rack 7        4d1e…0001 RUNNING 04:05:34  4m00s 1/3 done",
            "    ✔ create server      4d1e…1001 SUCCESS 04:05:35    59s",
            "    ▶*create server      4d1e…1002 RUNNING 04:05:36  3m58s slow",
            "    ○ create server      4d1e…1003 INIT    04:05:37  3m57s",
            "▾ ▶~power server         ff00…ddee RUNNING 04:06:14  3m20s stale: Service Unava…",
            "      server_id: aaaa1111-0000-0000-0000-000000000001",
        ])
    }

    @Test func utcToggleChangesBeginTimes() {
        var state = noDetail
        state.utc = true
        let frame = Fixtures.render(Fixtures.snapshot(), state)
        #expect(frame.lines[3].contains("FAIL    20:04:34"))
        #expect(frame.lines[1].hasSuffix("times UTC"))
    }

    @Test func filtersShowOnlyMatchingJobsAndSubJobs() {
        var state = noDetail
        state.filter = .failed
        var frame = Fixtures.render(Fixtures.snapshot(), state)
        #expect(treeLines(frame, count: 3) == [
            "▾ ✖ create servers       2c9e…2b4f FAIL    04:04:34  4m07s 2/2 done, 1 failed ·…",
            "    ✖ create server      2c9e…2b61 FAIL    04:04:47  3m47s Quota exceeded for i…",
            "",
        ])
        #expect(frame.lines[1].contains("filter: failed"))

        state.filter = .slow
        frame = Fixtures.render(Fixtures.snapshot(), state)
        #expect(treeLines(frame, count: 3) == [
            "▾ ▶ reboot rack 7        4d1e…0001 RUNNING 04:05:34  4m00s 1/3 done",
            "    ▶*create server      4d1e…1002 RUNNING 04:05:36  3m58s slow",
            "",
        ])

        state.filter = .running
        frame = Fixtures.render(Fixtures.snapshot(), state)
        #expect(treeLines(frame, count: 4).map { String($0.prefix(24)) } == [
            "▾ ▶ reboot rack 7       ",
            "    ▶*create server     ",
            "    ○ create server     ",
            "▸ ▶~power server        ",
        ])
    }

    @Test func chineseReasonIsCutByDisplayWidth() {
        var failed = Fixtures.failedBatch
        failed.job!.entities.subJobs[1].entities.errorMessage = ErrorcodeMessage(raw: "", message: "实例配额不足，请联系管理员提升配额后重试")
        let snapshot = Fixtures.snapshot([failed])
        for width in [80, 81, 100] {
            var state = noDetail
            state.screen = ScreenSize(width: width, height: 24)
            let frame = Fixtures.render(snapshot, state, width: width)
            let row = frame.rows[5]
            #expect(row.width == width)
            #expect(row.text.contains("实例配额"))
            #expect(row.cells.allSatisfy { $0.width == DisplayWidth.of($0.grapheme) })
            #expect(frame.rows.allSatisfy { $0.width == width })
        }
        let frame = Fixtures.render(snapshot, noDetail, width: 80)
        #expect(frame.lines[5] == "    ✖ create server      2c9e…2b61 FAIL    04:04:47  3m47s 实例配额不足，请联系…")
    }

    @Test func asciiSymbolsWithoutUnicode() {
        let frame = Fixtures.render(Fixtures.snapshot(), noDetail, width: 60, height: 20, capabilities: Fixtures.ascii)
        #expect(treeLines(frame, count: 5) == [
            "- x create servers         2c9e~2b4f FAIL    04:04:34  4m07s",
            "  + + create server        2c9e~2b60 SUCCESS 04:04:47  3m34s",
            "    x create server        2c9e~2b61 FAIL    04:04:47  3m47s",
            "+ > reboot rack 7          4d1e~0001 RUNNING 04:05:34  4m00s",
            "+ >~power server           ff00~ddee RUNNING 04:06:14  3m20s",
        ])
        #expect(frame.title == "jobwatch 2+ 1x 3>")
        #expect(frame.rows.allSatisfy { $0.cells.allSatisfy { $0.grapheme.allSatisfy(\.isASCII) } })
    }

    @Test func aChineseReasonWithoutUnicodeShowsItsCodeAndWhatToDo() {
        var batch = Fixtures.failedBatch
        batch.job?.entities.subJobs[1] = Fixtures.sub("2c9eb2c5544cbf6101544f0635672b61", .fail, end: 240, reason: "实例配额不足，请联系管理员")
        let ascii = Fixtures.render(Fixtures.snapshot([batch]), Fixtures.state(width: 200, height: 30), width: 200, height: 30, capabilities: Fixtures.ascii)
        #expect(ascii.lines.contains { $0.contains("FAIL") && $0.contains("BMS.0102 (reason not in ASCII: use a UTF-8 locale, LANG=C.UTF-8)") }, "\(ascii.lines.joined(separator: "\n"))")
        #expect(ascii.rows.allSatisfy { $0.cells.allSatisfy { $0.grapheme.allSatisfy(\.isASCII) } })
        let unicode = Fixtures.render(Fixtures.snapshot([batch]), Fixtures.state(width: 200, height: 30), width: 200, height: 30)
        #expect(unicode.lines.contains { $0.contains("实例配额不足") })
    }

    @Test func windowTitleCountsSubJobs() {
        let frame = Fixtures.render(Fixtures.snapshot(), Fixtures.state())
        #expect(frame.title == "jobwatch 2✔ 1✖ 3▶")
    }

    @Test(arguments: [Mode.normal, .help(offset: 0), .eventLog(offset: 0), .timeline(offset: 0), .confirmingQuit, .addingJob(text: "x y", problem: "job ID contains whitespace"), .confirmingRemove(Fixtures.failedBatch.key)])
    func monochromeHasNoColourAnywhere(_ mode: Mode) {
        var state = Fixtures.state()
        state.mode = mode
        state.frozen = Fixtures.snapshot()
        let events = [Transition(at: Fixtures.now, key: Fixtures.failedBatch.key, profile: "prod", from: .running, to: .fail, reason: "quota")]
        let frame = Fixtures.render(Fixtures.snapshot(), state, capabilities: Fixtures.mono, events: events)
        let styles = frame.rows.flatMap(\.cells).map(\.style)
        #expect(styles.allSatisfy { $0.foreground == nil && $0.background == nil })
        // Still distinguishable: failures bold, the selection reversed.
        if mode == .normal {
            #expect(frame.rows[3].cells.contains { $0.style.reverse })
            #expect(frame.rows[5].cells.contains { $0.grapheme == "✖" && $0.style.bold })
        }
    }

    @Test func coloursFollowStatus() {
        let frame = Fixtures.render(Fixtures.snapshot(), noDetail, capabilities: TerminalCapabilities(colors: 8, unicode: true))
        let symbols = frame.rows.flatMap(\.cells).filter { ["✔", "✖", "▶"].contains($0.grapheme) }
        #expect(symbols.contains { $0.grapheme == "✖" && $0.style.foreground == .red })
        #expect(symbols.contains { $0.grapheme == "✔" && $0.style.foreground == .green })
        #expect(symbols.contains { $0.grapheme == "▶" && $0.style.foreground == .yellow })
        // No grey on 8 colours (it is only a 256-colour shade).
        #expect(frame.rows.flatMap(\.cells).allSatisfy { $0.style.foreground != .gray })
    }

    @Test func detailPaneShowsFullIDsTimesAndErrors() {
        var state = Fixtures.state()
        state.showDetail = true  // under 30 rows it starts closed
        state.selection = .job(Fixtures.single.key)
        let frame = Fixtures.render(Fixtures.snapshot(), state)
        let text = frame.lines.joined(separator: "\n")
        #expect(text.contains("job        ff00112233445566778899aabbccddee  (profile prod)"))
        #expect(text.contains("begin      2019-04-26 04:06:14 +08:00  2019-04-25T20:06:14Z"))
        #expect(text.contains("last error HTTP 503 Service Unavailable"))
        #expect(text.contains("request    req-42"))
        #expect(text.contains("data age   1m (read 04:08:34)"))
        #expect(text.contains("status     RUNNING · running for 3m20s · stale"))
    }

    @Test func unknownStatusShownVerbatim() {
        var single = Fixtures.single
        single.job!.status = JobStatus(raw: "QUEUED")
        single.health = .fresh
        single.lastError = nil
        let frame = Fixtures.render(Fixtures.snapshot([single]), noDetail)
        #expect(frame.lines[3].hasPrefix("▸ ? power server         ff00…ddee QUEUED"))
    }
}
