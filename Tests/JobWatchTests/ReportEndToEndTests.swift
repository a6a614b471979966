import Foundation
import Testing

/// `jobwatch report` on the demo, as a person would read it: the Markdown, the JSON, and the
/// HTML page opened in a real headless Chromium and looked at.
@Suite struct ReportEndToEndTests {
    @Test func demoReportIsMarkdownToPaste() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let result = try await BinaryRunner(scratch: scratch).run(["report", "--demo", "--utc"])
        #expect(result.exitCode == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "# jobwatch report", "\(result)")
        #expect(lines.contains { $0.hasPrefix("| ▶ | BMS | create servers `") }, "\(result)")
        #expect(lines.contains("### Failures by reason"), "\(result)")
        #expect(lines.contains { $0.hasPrefix("- **Quota exceeded for instances") && $0.contains("1 sub-job: `") }, "\(result)")
        #expect(lines.contains { $0.hasPrefix("p50 ") && $0.contains(" · p90 ") }, "\(result)")
        #expect(lines.contains("```mermaid"), "\(result)")
        #expect(lines.count < 400, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
    }

    @Test func demoReportJSONAndUsage() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        let result = try await runner.run(["report", "--demo", "--json"])
        #expect(result.exitCode == 0, "\(result)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
        #expect(document["schema"] as? Int == 1)
        let jobs = try #require(document["jobs"] as? [[String: Any]])
        #expect(jobs.count == 12)
        let failures = try #require(jobs[0]["failures"] as? [[String: Any]])
        #expect(failures.contains { ($0["reason"] as? String)?.hasPrefix("Quota exceeded") == true }, "\(result)")
        // Same usage errors as get.
        let bad = try await runner.run(["report", "--demo", "--timeout", "soon"])
        #expect(bad.exitCode == 64, "\(bad)")
        let unwritable = try await runner.run(["report", "--demo", "--html", scratch.file("no/such/dir/r.html")])
        #expect(unwritable.exitCode == 64, "\(unwritable)")
        #expect(unwritable.stderr.contains("--html"), "\(unwritable)")
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The page in a real browser: the failed bars are painted in the failure colour where
    /// the data puts them.
    @Test(.enabled(if: chromium != nil, "no chromium binary: apt-get install chromium (.ci/run does)"), .timeLimit(.minutes(3)))
    func htmlPageShowsTheFailedBarsWhereTheDataSays() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let page = scratch.file("report.html")
        let result = try await BinaryRunner(scratch: scratch).run(["report", "--demo", "--html", page])
        #expect(result.exitCode == 0, "\(result)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href="))

        // The failed bars, from the page's own SVGs (16 px body padding): the big batch's come first.
        let failed = html.matches(of: /<rect class="bar fail" x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)"/).map {
            (Double($0.1)! + 16, Double($0.1)! + Double($0.2)! + 16)
        }
        try #require(!failed.isEmpty, "the demo's batch has failed sub-jobs by now\n\(html)")

        let shot = scratch.file("shot.png")
        let started = ContinuousClock.now
        let browser = try ChildProcess(
            executable: Self.chromium!,
            arguments: ["--headless", "--no-sandbox", "--disable-gpu", "--no-zygote", "--disable-extensions", "--disable-background-networking", "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
                        "--screenshot=\(shot)", "--window-size=1200,800", "file://\(page)"],
            environment: scratch.environment, stdin: nil)
        // A few seconds alone; beside the rest of the suite on 2 cores it has taken over 40.
        let ended = await browser.waitForExit(timeout: .seconds(120))
        if ended == nil { browser.stop() }
        #expect(ended != nil, "the browser did not finish within 120 s (\(ContinuousClock.now - started))")
        #expect(FileManager.default.fileExists(atPath: shot), "no screenshot\n\(browser.transcript)")

        // Horizontal runs of the failure colour, by python3 decoding the PNG.
        let reader = try ChildProcess(
            executable: "/usr/bin/env", arguments: ["python3", "-c", Self.redRuns, shot], environment: scratch.environment, stdin: nil)
        _ = await reader.waitForExit(timeout: .seconds(20))
        let runs = reader.stdout.split(separator: "\n").compactMap { line -> (x0: Double, x1: Double)? in
            let parts = line.split(separator: " ").compactMap { Double($0) }
            return parts.count == 3 ? (parts[1], parts[2]) : nil
        }
        #expect(!runs.isEmpty, "no failure-coloured pixels in the screenshot\n\(reader.transcript)")
        // Every red run is one of the failed bars, and a failed bar is seen.
        for run in runs {
            #expect(failed.contains { abs($0.0 - run.x0) <= 2 && abs($0.1 - run.x1) <= 2 }, "red at x \(run.x0)…\(run.x1) is no failed bar: \(failed)")
        }
        #expect(failed.contains { bar in runs.contains { abs(bar.0 - $0.x0) <= 2 && abs(bar.1 - $0.x1) <= 2 } })
    }

    /// Prints `y x0 x1` for each horizontal run (≥ 3 px) of the bars' failure colour #d7263d.
    static let redRuns = #"""
    import sys, zlib, struct
    data = open(sys.argv[1], "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert depth == 8 and ctype in (2, 6), (depth, ctype)
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    i = 0
    for y in range(height):
        f = raw[i]; line = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        start = None
        for x in range(width + 1):
            red = x < width and abs(line[x*bpp] - 215) < 8 and abs(line[x*bpp+1] - 38) < 8 and abs(line[x*bpp+2] - 61) < 8
            if red and start is None: start = x
            if not red and start is not None:
                if x - start >= 3: print(y, start, x)
                start = None
    """#
}
