import Foundation
import Testing

/// `jobwatch report` on the demo, as a person would read it: the Markdown and the JSON (the
/// HTML page in a browser: `ReportPageInChromiumTests`).
@Suite struct ReportEndToEndTests {
    @Test func demoReportIsMarkdownToPaste() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let result = try await BinaryRunner(scratch: scratch).run(["report", "--demo", "--utc", "--timeout", "30s"], timeout: .seconds(45))
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
        let result = try await runner.run(["report", "--demo", "--json", "--timeout", "30s"], timeout: .seconds(45))
        #expect(result.exitCode == 0, "\(result)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
        #expect(document["schema"] as? Int == 1)
        let jobs = try #require(document["jobs"] as? [[String: Any]])
        #expect(jobs.count == 16)
        let failures = try #require(jobs[0]["failures"] as? [[String: Any]])
        #expect(failures.contains { ($0["reason"] as? String)?.hasPrefix("Quota exceeded") == true }, "\(result)")
        // Same usage errors as get.
        let bad = try await runner.run(["report", "--demo", "--timeout", "soon"])
        #expect(bad.exitCode == 64, "\(bad)")
        let unwritable = try await runner.run(["report", "--demo", "--html", scratch.file("no/such/dir/r.html")])
        #expect(unwritable.exitCode == 64, "\(unwritable)")
        #expect(unwritable.stderr.contains("--html"), "\(unwritable)")
    }

    /// Prints `y x0 x1` for each horizontal run (≥ 3 px) of the bars' failure colour #d7263d
    /// in a PNG (python3 decoding it: no image library in the tests).
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
