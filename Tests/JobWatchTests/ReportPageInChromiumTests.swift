import Foundation
import Testing

/// The demo's HTML report opened in a real headless Chromium: the layout read back from the
/// DOM (summary first, every part present, no axis label outside its chart), and a
/// screenshot whose failure-coloured pixels are the failed bars and the legend. The
/// screenshot is kept in `.build-artifacts/report.png` for a person to look at.
@Suite struct ReportPageInChromiumTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let missing = "no chromium binary: apt-get install -y chromium (.ci/run does)"
    /// Both runs lay the page out at this size, so the DOM's boxes are the screenshot's pixels.
    static let window = "--window-size=1280,2000"
    static let artefact = "\(JobwatchBinary.packageRoot)/.build-artifacts/report.png"

    @Test(.timeLimit(.minutes(5)))
    func theDemoPageLaysOutAsAnOperatorWouldAttachIt() async throws {
        let chromium = try #require(Self.chromium, "\(Self.missing)")
        let scratch = try Scratch()
        defer { scratch.remove() }
        let page = scratch.file("report.html")
        let result = try await BinaryRunner(scratch: scratch).run(["report", "--demo", "--utc", "--names", "wait", "--html", page])
        #expect(result.exitCode == 0, "\(result)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href="))

        // A copy with the probe: it writes what the browser laid out into the DOM.
        let probed = scratch.file("probe.html")
        try html.replacingOccurrences(of: "</body>", with: "<script>\(Self.probe)</script></body>").write(toFile: probed, atomically: true, encoding: .utf8)
        let dump = try await Self.browse(chromium, ["--dump-dom", "file://\(probed)"], scratch)
        let layout = try Self.layout(in: dump)

        #expect(layout.first == "header.summary running" || layout.first == "header.summary failed", "the summary is not first: \(layout.first)")
        #expect(layout.verdict.contains(" of 16 jobs "), "verdict: \(layout.verdict)")
        #expect(layout.overview.starts(with: ["Jobs", "Sub-jobs", "When", "Covers"]), "\(layout.overview)")
        #expect(layout.jobHeaders == ["", "Service", "Job", "Status", "Begin +00:00", "End +00:00", "Duration", "Done"])
        #expect(layout.charts >= 1 && layout.legends == layout.charts, "\(layout.charts) charts, \(layout.legends) legends")
        #expect(layout.slowest >= 1)
        #expect(layout.names > 0, "no server is named in a chart")
        #expect(layout.clipped.isEmpty, "labels outside their chart: \(layout.clipped)")
        #expect(layout.overlaps.isEmpty, "axis labels that run into each other: \(layout.overlaps)")
        #expect(layout.namesIntoTrack.isEmpty, "names that run into the bars: \(layout.namesIntoTrack)")
        #expect(layout.pageWidth <= 1280, "the page scrolls sideways: \(layout.pageWidth) px")
        #expect(layout.overflowing.isEmpty, "wider than the page's column: \(layout.overflowing)")
        for labels in layout.axis {
            #expect(labels.count >= 2 && Set(labels).count == labels.count, "axis labels: \(labels)")
        }

        let shot = scratch.file("report.png")
        _ = try await Self.browse(chromium, ["--hide-scrollbars", "--screenshot=\(shot)", "file://\(page)"], scratch)
        #expect(FileManager.default.fileExists(atPath: shot), "no screenshot")
        try? FileManager.default.createDirectory(atPath: (Self.artefact as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: Self.artefact)
        try FileManager.default.copyItem(atPath: shot, toPath: Self.artefact)

        // Every failure-coloured run of pixels is a failed bar where the page's SVG puts it,
        // or the legend's swatch; and a failed bar is seen.
        let reader = try ChildProcess(executable: "/usr/bin/env", arguments: ["python3", "-c", ReportEndToEndTests.redRuns, shot], environment: scratch.environment, stdin: nil)
        _ = await reader.waitForExit(timeout: .seconds(60))
        let runs = reader.stdout.split(separator: "\n").compactMap { line -> (y: Double, x0: Double, x1: Double)? in
            let parts = line.split(separator: " ").compactMap { Double($0) }
            return parts.count == 3 ? (parts[0], parts[1], parts[2]) : nil
        }
        #expect(!runs.isEmpty, "no failure-coloured pixels in the screenshot\n\(reader.transcript)")
        let bars = layout.failBars
        try #require(!bars.isEmpty, "the demo's batch has failed sub-jobs by now")
        func inside(_ run: (y: Double, x0: Double, x1: Double), _ box: [Double]) -> Bool {
            abs(box[0] - run.x0) <= 2 && abs(box[1] - run.x1) <= 2 && run.y >= box[2] - 1 && run.y <= box[3] + 1
        }
        for run in runs {
            #expect((bars + layout.swatches).contains { inside(run, $0) }, "red at y \(run.y) x \(run.x0)…\(run.x1) is no failed bar or swatch")
        }
        #expect(bars.contains { bar in runs.contains { inside($0, bar) } })
    }

    /// Runs headless Chromium on the page once; its standard output.
    static func browse(_ chromium: String, _ arguments: [String], _ scratch: Scratch) async throws -> String {
        let started = ContinuousClock.now
        let browser = try ChildProcess(
            executable: chromium,
            arguments: ["--headless", "--no-sandbox", "--disable-gpu", "--no-zygote", "--disable-extensions", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--force-device-scale-factor=1", window] + arguments,
            environment: scratch.environment, stdin: nil)
        // A few seconds alone; beside the rest of the suite on 2 cores it has taken over 40.
        let ended = await browser.waitForExit(timeout: .seconds(120))
        if ended == nil { browser.stop() }
        #expect(ended != nil, "the browser did not finish within 120 s (\(ContinuousClock.now - started))\n\(browser.transcript)")
        return browser.stdout
    }

    /// What the probe wrote.
    struct Layout: Decodable {
        var first: String
        var verdict: String
        var overview: [String]
        var jobHeaders: [String]
        var charts: Int
        var legends: Int
        var slowest: Int
        var names: Int
        var clipped: [String]
        var overlaps: [String]
        var namesIntoTrack: [String]
        var pageWidth: Double
        /// Tables and charts that stick out of the body's content box.
        var overflowing: [String]
        var axis: [[String]]
        /// Boxes as [left, right, top, bottom] in page pixels.
        var failBars: [[Double]]
        var swatches: [[Double]]
    }

    static func layout(in dump: String) throws -> Layout {
        let found = try #require(dump.firstMatch(of: /<pre id="probe"[^>]*>([^<]*)<\/pre>/), "the probe wrote nothing:\n\(dump.suffix(2000))")
        let json = String(found.1).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(Layout.self, from: Data(json.utf8))
    }

    /// Measures the laid-out page and writes the results as JSON into `<pre id="probe">`.
    static let probe = #"""
    (function () {
      const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.right, r.top + scrollY, r.bottom + scrollY]; };
      const texts = sel => [...document.querySelectorAll(sel)].map(e => e.textContent);
      const first = document.body.firstElementChild;
      const out = {
        first: first.tagName.toLowerCase() + "." + first.className,
        verdict: texts(".summary .verdict").join(""),
        overview: texts(".summary .overview th"),
        jobHeaders: texts("table.jobs th"),
        charts: document.querySelectorAll("svg.chart").length,
        legends: document.querySelectorAll(".legend").length,
        slowest: document.querySelectorAll("table.slowest").length,
        names: 0, clipped: [], overlaps: [], namesIntoTrack: [], axis: [],
        pageWidth: document.documentElement.scrollWidth,
        overflowing: [...document.querySelectorAll("body > table, header, section table, svg.chart")]
          .filter(e => e.getBoundingClientRect().right > document.body.getBoundingClientRect().right - parseFloat(getComputedStyle(document.body).paddingRight) + 0.5)
          .map(e => e.tagName.toLowerCase() + "." + e.getAttribute("class")),
        failBars: [...document.querySelectorAll("rect.bar.fail")].map(box),
        swatches: [...document.querySelectorAll("svg.swatch.fail")].map(box),
      };
      document.querySelectorAll("svg.chart").forEach((svg, n) => {
        const frame = svg.getBoundingClientRect();
        svg.querySelectorAll("text").forEach(t => {
          const r = t.getBoundingClientRect();
          if (r.left < frame.left - 0.5 || r.right > frame.right + 0.5 || r.top < frame.top - 0.5 || r.bottom > frame.bottom + 0.5)
            out.clipped.push(n + ": " + t.textContent + " " + JSON.stringify([r.left, r.right, frame.left, frame.right]));
        });
        svg.querySelectorAll("text.name").forEach(t => {
          if (/[a-z]-\d/.test(t.textContent)) out.names += 1;
          if (t.getBoundingClientRect().right > frame.left + 300) out.namesIntoTrack.push(n + ": " + t.textContent);
        });
        const axis = [...svg.querySelectorAll("text.axis")];
        out.axis.push(axis.map(t => t.textContent));
        for (let i = 1; i < axis.length; i++)
          if (axis[i - 1].getBoundingClientRect().right > axis[i].getBoundingClientRect().left)
            out.overlaps.push(n + ": " + axis[i - 1].textContent + " / " + axis[i].textContent);
      });
      const pre = document.createElement("pre");
      pre.id = "probe";
      pre.style.display = "none";
      pre.textContent = JSON.stringify(out);
      document.body.appendChild(pre);
    })();
    """#
}
