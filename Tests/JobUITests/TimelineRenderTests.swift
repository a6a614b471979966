import Foundation
import JobModel
import Testing
@testable import JobUI

/// The `v` view, read as text lines like the tree's tests.
struct TimelineRenderTests {
    private func timelineState(width: Int = 80, height: Int = 24) -> ViewState {
        var state = Fixtures.state(width: width, height: height)
        state.showDetail = false
        state.mode = .timeline(offset: 0)
        return state
    }

    /// A batch of `count` sub-jobs of `seconds[i]` each, all starting at t0 + i.
    static func batch(_ seconds: [TimeInterval?], failing: Set<Int> = [], id: String = "9a9a0000000000000000000000000000") -> JobState {
        let subs = seconds.enumerated().map { index, duration in
            let subID = String(format: "9a9a%028d", index + 1)
            let status: JobStatus = failing.contains(index) ? .fail : duration == nil ? .running : .success
            return Fixtures.sub(subID, status, begin: Double(index), end: duration.map { Double(index) + $0 }, reason: failing.contains(index) ? "Quota exceeded for instances" : nil)
        }
        let job = Job(id: id, type: "baremetalBatchCreate", status: .running, beginTime: Fixtures.t0, entities: JobEntities(subJobsTotal: subs.count, subJobs: subs))
        return JobState(entry: WatchEntry(profile: "prod", jobID: id), key: Fixtures.key(id), job: job, health: .fresh)
    }

    @Test func vTogglesBetweenTreeAndTimeline() {
        let (state, _) = Fixtures.press([.character("v")], Fixtures.state(), Fixtures.snapshot())
        #expect(state.mode == .timeline(offset: 0))
        let (back, _) = Fixtures.press([.character("v")], state, Fixtures.snapshot())
        #expect(back.mode == .normal)
        let (escaped, _) = Fixtures.press([.escape], state, Fixtures.snapshot())
        #expect(escaped.mode == .normal)
    }

    @Test func selectedBatchAsBarsOnOneAxis() {
        let frame = Fixtures.render(Fixtures.snapshot(), timelineState())
        let lines = Array(frame.lines[3..<9])
        #expect(lines[0] == "Timeline: create servers — 2 rows · 1 failed · v tree")
        #expect(lines[1].hasPrefix("p50 3m34s  p90 3m47s  max 3m47s of 2 finished  3m34s "))
        #expect(lines[1].hasSuffix(" 3m47s"))
        // The axis starts at the first begin (04:04:47 in Shanghai) under the bars' track.
        #expect(lines[2].hasPrefix(String(repeating: " ", count: 23) + "04:04"))
        #expect(lines[2].contains("+1m"))
        #expect(lines[3].hasPrefix("✔ 2c9e…2b60            █"))
        #expect(lines[3].hasSuffix("3m34s"))
        #expect(lines[4].hasPrefix("✖ 2c9e…2b61            ▓"))
        #expect(lines[4].contains("▓✖"))
        #expect(lines[4].hasSuffix("3m47s"))
        #expect(lines[5] == "")
        #expect(frame.lines[23].contains("v tree"))
        // The failed bar is drawn in the failure style.
        let failRow = frame.rows[7]
        #expect(failRow.cells.contains { $0.grapheme == "▓" && $0.style.foreground == .red })
        #expect(failRow.cells.contains { $0.grapheme == "✖" && $0.style.foreground == .red })
    }

    @Test func runningBarsGrowToNowAndInitIsAMarker() {
        var state = timelineState()
        state.selection = .job(Fixtures.runningBatch.key)
        let frame = Fixtures.render(Fixtures.snapshot(), state)
        let lines = Array(frame.lines[3..<9])
        #expect(lines[0].hasPrefix("Timeline: reboot rack 7 — 3 rows"))
        // One finished sub-job: percentiles of one, and said so.
        #expect(lines[1].hasPrefix("p50 59s  p90 59s  max 59s of 1 finished"))
        let success = lines[3], running = lines[4], waiting = lines[5]
        #expect(success.hasPrefix("✔ "))
        #expect(running.hasPrefix("▶*"), "the engine's slow sub-job is flagged")
        // Running to now: the bar reaches the end of the track.
        #expect(running.hasSuffix("█  3m58s"))
        #expect(waiting.hasPrefix("○ "))
        #expect(waiting.filter { $0 == "○" }.count == 2, "the INIT marker on the track, beside its symbol")
        #expect(!waiting.contains("█"))
    }

    @Test func cursorOnASingleJobShowsEveryJob() {
        var state = timelineState()
        state.selection = .job(Fixtures.single.key)
        let frame = Fixtures.render(Fixtures.snapshot(), state)
        #expect(frame.lines[3].hasPrefix("Timeline: every job — 3 rows"))
        #expect(frame.lines[6].hasPrefix("✖ create servers"))
        #expect(frame.lines[7].hasPrefix("▶ reboot rack 7"))
    }

    @Test func asciiUnderLangC() {
        let frame = Fixtures.render(Fixtures.snapshot(), timelineState(), capabilities: Fixtures.ascii)
        for line in frame.lines { #expect(line.unicodeScalars.allSatisfy { $0.isASCII }, "\(line)") }
        #expect(frame.lines[6].hasPrefix("+ 2c9e~2b60"))
        #expect(frame.lines[6].contains("="))
        #expect(frame.lines[7].hasPrefix("x 2c9e~2b61"))
        #expect(frame.lines[7].contains("#x"))
    }

    @Test func failuresStayDistinctWithoutColour() {
        let frame = Fixtures.render(Fixtures.snapshot(), timelineState(), capabilities: Fixtures.mono)
        for row in frame.rows { for cell in row.cells { #expect(cell.style.foreground == nil && cell.style.background == nil) } }
        #expect(frame.lines[6].contains("█") && !frame.lines[6].contains("▓"))
        #expect(frame.lines[7].contains("▓✖") && !frame.lines[7].contains("█"))
    }

    @Test func smallestTerminal() {
        let frame = Fixtures.render(Fixtures.snapshot(), timelineState(width: 40, height: 12), width: 40, height: 12)
        #expect(frame.rows.count == 12)
        for row in frame.rows { #expect(row.width == 40) }
        // Two header lines on a short terminal; whole fields only on the timeline's own lines.
        #expect(frame.lines[2] == "Timeline: create servers · 1 failed")
        #expect(frame.lines[3] == "p50 3m34s  p90 3m47s of 2 finished")
        #expect(frame.lines[4].hasPrefix(String(repeating: " ", count: 13) + "04:04"))
        #expect(frame.lines[5].hasPrefix("✔ 2c9e…2b6"))
        #expect(frame.lines[6].hasPrefix("✖ 2c9e…2b6"))
        #expect(frame.lines[6].hasSuffix("▓✖  3m47s"))
    }

    @Test func largeTerminalHasHistogramAndTicks() {
        let durations: [TimeInterval?] = (0..<40).map { Double(60 + ($0 % 10) * 10) } + [600]
        let snapshot = Fixtures.snapshot([Self.batch(durations, failing: [3])])
        let frame = Fixtures.render(snapshot, timelineState(width: 200, height: 60), width: 200, height: 60)
        #expect(frame.rows.count == 60)
        for row in frame.rows { #expect(row.width == 200) }
        let stats = frame.lines[3 + 1]
        #expect(stats.contains("1 straggler"))
        #expect(stats.contains("█"), "the tallest bin")
        #expect(stats.contains("▁"), "the lone straggler's bin")
        #expect(frame.lines[5].contains("+1m") && frame.lines[5].contains("+5m"))
        // All 41 fit: 60 − 3 header − 3 timeline − 1 footer = 53 rows.
        #expect(frame.lines.contains { $0.hasPrefix("✔*9a9a…0041") })
        #expect(frame.lines.contains { $0.hasPrefix("✖ 9a9a…0004") })
    }

    @Test func scrollsLikeTheTree() {
        let snapshot = Fixtures.snapshot([Self.batch((0..<50).map { _ in 60 })])
        var state = timelineState()
        // 24 rows: 3 header, 3 timeline lines, 1 footer: 17 bars.
        #expect(Fixtures.render(snapshot, state).lines[6].hasPrefix("✔ 9a9a…0001"))
        (state, _) = Fixtures.press([.character("j"), .character("j")], state, snapshot)
        #expect(state.mode == .timeline(offset: 2))
        #expect(Fixtures.render(snapshot, state).lines[6].hasPrefix("✔ 9a9a…0003"))
        (state, _) = Fixtures.press([.character("G")], state, snapshot)
        #expect(state.mode == .timeline(offset: 50 - 17))
        #expect(Fixtures.render(snapshot, state).lines[22].hasPrefix("✔ 9a9a…0050"))
        (state, _) = Fixtures.press([.pageUp, .character("g")], state, snapshot)
        #expect(state.mode == .timeline(offset: 0))
    }

    @Test func eighthBlocksForTheEnd() {
        // 10 cells over 100 s: a bar from 0 to 25 s ends half-way through the third cell.
        let bars = [
            Timeline.Bar(id: "a", label: "a", isNamed: true, status: .success, begin: Fixtures.t0, end: Fixtures.t0.addingTimeInterval(25), reason: nil, code: nil, straggler: false),
            Timeline.Bar(id: "b", label: "b", isNamed: true, status: .success, begin: Fixtures.t0, end: Fixtures.t0.addingTimeInterval(100), reason: nil, code: nil, straggler: false),
        ]
        let timeline = Timeline(title: "t", bars: bars, now: Fixtures.now)
        let text = TimelineTrack.inks(bars[0], timeline, columns: 10, unicode: true).map { ink -> String in
            if case .fill(let s) = ink { return s }
            return " "
        }.joined()
        #expect(text == "██▌       ")
        let ascii = TimelineTrack.inks(bars[0], timeline, columns: 10, unicode: false).map { ink -> String in
            if case .fill(let s) = ink { return s }
            return " "
        }.joined()
        #expect(ascii == "===       ")
    }

    @Test func helpAndFooterListV() {
        var state = Fixtures.state()
        state.mode = .help(offset: 0)
        let help = Fixtures.render(Fixtures.snapshot(), state)
        #expect(help.lines.contains { $0.contains("v") && $0.contains("timeline") })
        #expect(KeyHelp.footer(unicode: true).contains("v timeline"))
    }
}
